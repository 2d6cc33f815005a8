import { CodedError, DomainError, IdempotencyKeyReusedError, WrongExpectedVersionError, isConnectionLost, isDatabaseTimeout } from '@cs/eventstore';
import type { FieldProblem, RpcErrorBody, RpcErrorKind } from './rpc-protocol.js';

/** An error that crosses the RPC boundary with its classification intact. */
export class RpcError extends CodedError {
  constructor(
    readonly kind: RpcErrorKind,
    code: string,
    message: string,
    readonly errors?: FieldProblem[],
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }

  toBody(): RpcErrorBody {
    return { code: this.code, kind: this.kind, message: this.message, details: this.details, errors: this.errors };
  }

  static fromBody(body: RpcErrorBody): RpcError {
    return new RpcError(body.kind, body.code, body.message, body.errors, body.details);
  }
}

/** Classifies anything a handler threw. Unknown errors become `internal` with no detail leaked. */
export function toRpcErrorBody(error: unknown, expectedVersionGiven: boolean): RpcErrorBody {
  if (error instanceof RpcError) return error.toBody();
  if (error instanceof WrongExpectedVersionError) {
    return {
      code: error.code,
      kind: expectedVersionGiven ? 'precondition' : 'conflict',
      message: error.message,
      details: { currentVersion: error.actual },
    };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return { code: error.code, kind: 'rule', message: error.message };
  }
  if (error instanceof DomainError) {
    return { code: error.code, kind: error.kind, message: error.message, details: error.details };
  }
  // Safety net: Postgres refused a value (class 22: data exception, e.g. an out-of-range date).
  // That is bad input reaching the database, not a fault of the service.
  const sqlState = (error as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    return { code: 'INVALID_VALUE', kind: 'validation', message: 'A value in the request is not acceptable' };
  }
  // Infrastructure, not a bug: the caller may retry (with its Idempotency-Key) once it is back.
  const cause = (error as { driverError?: unknown })?.driverError ?? error; // TypeORM wraps pg's error
  if (isConnectionLost(error) || isConnectionLost(cause)) {
    return { code: 'DATABASE_UNAVAILABLE', kind: 'unavailable', message: 'The service cannot reach its database; retry shortly' };
  }
  if (isDatabaseTimeout(error) || isDatabaseTimeout(cause)) {
    return { code: 'DATABASE_TIMEOUT', kind: 'timeout', message: 'The service\'s database did not answer in time' };
  }
  return { code: 'INTERNAL', kind: 'internal', message: 'The service failed to handle the request' };
}
