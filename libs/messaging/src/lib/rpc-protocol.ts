import type { Actor } from '@cs/eventstore';

/** Headers every gateway-to-service request carries. */
export const RpcHeaders = {
  correlationId: 'Correlation-Id',
  idempotencyKey: 'Idempotency-Key',
  expectedVersion: 'Expected-Version',
  actor: 'Actor',
} as const;

/**
 * How a failure is classified; the gateway maps it to HTTP:
 * validation 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409,
 * precondition 412, rule 422, unavailable 503, timeout 504.
 */
export type RpcErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition'
  | 'rule'
  | 'unavailable'
  | 'timeout'
  | 'internal';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface RpcErrorBody {
  code: string;
  kind: RpcErrorKind;
  message: string;
  details?: Record<string, unknown>;
  errors?: FieldProblem[];
}

export type RpcReply<T = unknown> = { ok: true; data: T } | { ok: false; error: RpcErrorBody };

/** What a handler learns about the call besides the payload. */
export interface RpcContext {
  subject: string;
  correlationId: string;
  idempotencyKey?: string;
  expectedVersion?: number;
  actor?: Actor;
}
