import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../ops/metrics.js';
import { trace, SpanKind } from '@opentelemetry/api';
import { contextFrom } from '@cs/observability';
import { assertNoHostileInput } from './input-guard.js';
import { MAX_JSON_DEPTH, jsonNestingExceeds } from './json-depth.js';
import { PROBLEM_CONTENT_TYPE, ProblemException, problem, toProblem, type Problem } from './problem.js';
import { setTraceContext } from './request-context.js';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_CORRELATION_ID = /^[\w.:@-]{1,128}$/;

/** Fastify `genReqId`: the caller's `X-Correlation-Id` when sane, else a fresh UUID. */
export function correlationIdFor(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && SAFE_CORRELATION_ID.test(given) ? given : randomUUID();
}

const invalidJson = (detail: string) => ProblemException.badRequest('INVALID_JSON', detail, [{ field: '(body)', message: detail }]);

/**
 * Only JSON bodies are accepted (other media types are refused by Fastify and mapped to 400
 * INVALID_JSON). An empty body counts as absent so bodiless actions may still send the header.
 * Bodies nested deeper than MAX_JSON_DEPTH are refused unparsed: validation and transformation
 * walk them recursively and would overflow the stack.
 */
export function installJsonParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parse = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
      return done(invalidJson(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidJson('The request body is not valid JSON'), undefined);
    }
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parse);
  fastify.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, parse);
}

/**
 * Fastify's router refuses a malformed URL (bad percent-encoding, e.g. `/v1/members/%C0`) or an
 * over-long path parameter before any hook, guard or filter runs, and would answer its own JSON:
 * these become problems like every other error. (This replaces the FastifyAdapter's default
 * handler, which only adds the headers of Nest's opt-in security features; the gateway enables none.)
 */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let p: Problem;
  if (error.code === 'FST_ERR_BAD_URL') {
    const detail = 'The URL is not validly percent-encoded';
    p = problem(400, 'INVALID_URL', detail, [{ field: '(url)', message: detail }]);
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    p = problem(414, 'URI_TOO_LONG', 'A path parameter of the URL is too long');
  } else {
    p = toProblem(error).problem;
  }
  p.instance = request.url;
  p.correlationId = String(request.id);
  reply
    .status(p.status)
    .headers(SECURITY_HEADERS)
    .header(CORRELATION_HEADER, String(request.id))
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(p));
}

/** The FastifyAdapter option (its type is generic over route schemas the handler never uses). */
export const frameworkErrors = answerFrameworkError as NonNullable<FastifyServerOptions['frameworkErrors']>;

/** Sent on every response; `no-store` too because nearly all of it is a caller's data or a problem about it. */
export const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } as const;

/** Public, caller-independent documents that a cache may keep. */
const CACHEABLE = /^\/docs(\/|$|\?)/;

/**
 * Node refuses a request it cannot parse (headers over 16 KB, malformed request line, timeout)
 * before Fastify sees it; Fastify's default answer is its own JSON. This answers a problem.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request was not received in time']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP'];
  const correlationId = randomUUID();
  const body = JSON.stringify({ ...problem(status, code, detail), correlationId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n${CORRELATION_HEADER}: ${correlationId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Node answers a request without Host itself (an empty 400) unless told not to: the gateway
 * refuses it as a problem instead (see installInputGuard).
 */
export const HTTP_SERVER_OPTIONS = { requireHostHeader: false };

/**
 * Prototype keys and ill-formed text are refused in every query and body before validation
 * (see input-guard.ts); security headers go on every response.
 */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && !request.headers.host) {
      throw ProblemException.badRequest('MISSING_HOST', 'An HTTP/1.1 request needs a Host header', [{ field: 'Host', message: 'is required' }]);
    }
  });
  fastify.addHook('preValidation', async (request) => {
    assertNoHostileInput(request.query, request.body);
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!CACHEABLE.test(request.url)) reply.header('Cache-Control', 'no-store');
  });
}

const spans = new WeakMap<object, import('@opentelemetry/api').Span>();

/**
 * Correlation header on every response; a server span per request continuing the caller's
 * `traceparent`; one log line and one histogram sample per request.
 */
export function installRequestHooks(fastify: FastifyInstance, metrics: HttpMetrics, logger: Logger): void {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(CORRELATION_HEADER, String(request.id));
    const parent = contextFrom(request.headers as Record<string, string>);
    const span = trace.getTracer('cs-platform').startSpan(`${request.method} ${request.routeOptions?.url ?? 'unmatched'}`, { kind: SpanKind.SERVER }, parent);
    spans.set(request, span);
    setTraceContext(request, trace.setSpan(parent, span));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    span?.setAttribute('http.response.status_code', reply.statusCode);
    span?.end();
    const route = request.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.observe(request.method, route, reply.statusCode, seconds);
    logger.info(
      { correlationId: String(request.id), method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
}
