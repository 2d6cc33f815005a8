import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../ops/metrics.js';
import { trace, SpanKind } from '@opentelemetry/api';
import { contextFrom } from '@cs/observability';
import { ProblemException } from './problem.js';
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
 */
export function installJsonParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parse = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidJson('The request body is not valid JSON'), undefined);
    }
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parse);
  fastify.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, parse);
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
