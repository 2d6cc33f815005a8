import { describeExpected, type ExpectedVersion } from './expected-version.js';

/** Base class of every error with a stable machine-readable code, mapped to RPC and HTTP at the edges. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the version the writer expected. */
export class WrongExpectedVersionError extends CodedError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(
      'WRONG_EXPECTED_VERSION',
      `Stream ${streamId} expected ${describeExpected(expected)} but is at ${actual ?? 'no stream'}`,
      { streamId, expected, actual },
    );
  }
}

/**
 * The same command id was used before with a different request. The message names only the
 * caller's own key (`clientKey`, when known): the command id is internal (it embeds the caller
 * and the operation's subject) and stays on the error for logs.
 */
export class IdempotencyKeyReusedError extends CodedError {
  constructor(
    readonly commandId: string,
    readonly clientKey?: string,
  ) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      clientKey === undefined
        ? 'The idempotency key was already used for a different request'
        : `Idempotency-Key ${clientKey} was already used for a different request`,
    );
  }
}

/**
 * A business rule refused the command. `kind` tells the edge how to answer:
 * `not_found` (404), `conflict` (409: state does not allow it, duplicate), `rule` (422).
 */
export class DomainError extends CodedError {
  constructor(
    code: string,
    message: string,
    readonly kind: 'not_found' | 'conflict' | 'rule' | 'forbidden' = 'rule',
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }
}
