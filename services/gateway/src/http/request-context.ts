import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@cs/eventstore';
import { traceHeadersOf } from '@cs/observability';
import type { Context } from '@opentelemetry/api';
import { parseIdempotencyKey, parseIfMatch } from './command-headers.js';

const actors = new WeakMap<object, Actor>();
const traces = new WeakMap<object, Context>();

/** The trace context of the request's server span (set when the request arrives). */
export function setTraceContext(request: FastifyRequest, context: Context): void {
  traces.set(request, context);
}

export function setActor(request: FastifyRequest, actor: Actor): void {
  actors.set(request, actor);
}

export function actorOf(request: FastifyRequest): Actor | undefined {
  return actors.get(request);
}

/** Who calls and in which conversation: forwarded on every RPC call. */
export interface CallContext {
  actor: Actor;
  correlationId: string;
  /** W3C trace headers of the request's span, continued by the service. */
  trace?: Record<string, string>;
}

/** A command additionally carries optimistic concurrency and idempotency. */
export interface CommandContext extends CallContext {
  expectedVersion?: number;
  idempotencyKey?: string;
}

function callContext(request: FastifyRequest): CallContext {
  const actor = actors.get(request);
  // the global AuthGuard runs first; reaching here without an actor is a wiring bug
  if (!actor) throw new Error('No authenticated actor on the request');
  const trace = traces.get(request);
  return { actor, correlationId: String(request.id), ...(trace ? { trace: traceHeadersOf(trace) } : {}) };
}

/** The caller of a query. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CallContext =>
  callContext(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** The caller of a command plus its `If-Match` and `Idempotency-Key` headers (400 when malformed). */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const context: CommandContext = callContext(request);
  const expectedVersion = parseIfMatch(request.headers['if-match']);
  const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);
  if (expectedVersion !== undefined) context.expectedVersion = expectedVersion;
  if (idempotencyKey !== undefined) context.idempotencyKey = idempotencyKey;
  return context;
});
