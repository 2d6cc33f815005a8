import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { RpcError, type FieldProblem, type RpcErrorKind } from '@cs/messaging';
import { InvalidTokenError } from '../auth/jwt-actor.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://errors.cs-platform.example/';

/** RFC 9457 problem details, plus our stable `code`, field `errors` and `correlationId`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: FieldProblem[];
  instance?: string;
  correlationId?: string;
  details?: Record<string, unknown>;
}

/** A problem raised by the gateway itself (bad header, bad body, missing token…). */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ProblemException';
  }

  static badRequest(code: string, detail: string, errors: FieldProblem[] = []): ProblemException {
    return new ProblemException(400, code, detail, errors);
  }
}

export const RPC_KIND_STATUS: Record<RpcErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition: 412,
  rule: 422,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

export const problemType = (code: string): string => `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;

const codeForStatus = (status: number): string =>
  (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');

export function problem(status: number, code: string, detail: string, errors: FieldProblem[] = [], details?: Record<string, unknown>): Problem {
  const p: Problem = { type: problemType(code), title: STATUS_CODES[status] ?? 'Error', status, detail, code, errors };
  if (details && Object.keys(details).length) p.details = details;
  return p;
}

/** Fastify's own errors (body parsing, content type, body size) arrive wrapped by Nest as `cause`. */
function fastifyCode(error: unknown): string | undefined {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  for (const c of candidates) {
    const code = (c as { code?: unknown })?.code;
    if (typeof code === 'string' && code.startsWith('FST_ERR')) return code;
  }
  return undefined;
}

/**
 * A stack overflow while handling a request: only a pathologically nested body gets there (the
 * JSON parser refuses deep bodies first), so it is the client's input, not a bug.
 */
function isStackOverflow(error: unknown): boolean {
  return [error, (error as { cause?: unknown })?.cause].some(
    (e) => e instanceof Error && e.name === 'RangeError' && /maximum call stack size exceeded/i.test(e.message),
  );
}

/**
 * Maps anything thrown while handling a request to a problem. `unexpected` is true only for
 * genuine bugs (answered 500 and logged by the caller).
 */
/** Seconds a client should wait before retrying an infrastructure outage (503). */
export const RETRY_AFTER_SECONDS = 2;

export function toProblem(error: unknown): { problem: Problem; unexpected: boolean } {
  if (error instanceof ProblemException) {
    return { problem: problem(error.status, error.code, error.detail, error.errors), unexpected: false };
  }
  if (error instanceof RpcError) {
    const status = RPC_KIND_STATUS[error.kind] ?? 500;
    const hide = error.kind === 'internal';
    return {
      problem: problem(status, error.code, hide ? 'A service failed to handle the request' : error.message, error.errors ?? [], hide ? undefined : error.details),
      unexpected: false,
    };
  }
  if (error instanceof InvalidTokenError) {
    return { problem: problem(401, error.code, error.message), unexpected: false };
  }
  const fst = fastifyCode(error);
  if (fst === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { problem: problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'), unexpected: false };
  }
  if (fst?.startsWith('FST_ERR_CTP') || (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400)) {
    const detail =
      fst === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'The request body must be application/json' : 'The request body is not valid JSON';
    return { problem: problem(400, 'INVALID_JSON', detail, [{ field: '(body)', message: detail }]), unexpected: false };
  }
  if (isStackOverflow(error)) {
    const detail = 'The request body is nested too deeply';
    return { problem: problem(400, 'INVALID_JSON', detail, [{ field: '(body)', message: detail }]), unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string' ? response : typeof (response as { message?: unknown }).message === 'string' ? (response as { message: string }).message : error.message;
    return { problem: problem(status, codeForStatus(status), message), unexpected: status >= 500 };
  }
  return { problem: problem(500, 'INTERNAL', 'An unexpected error occurred'), unexpected: true };
}
