import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { Actor } from '@cs/eventstore';
import { contextFrom, inSpan, SpanKind, traceHeadersOf } from '@cs/observability';
import { RpcError, toRpcErrorBody } from './rpc-error.js';
import { RpcHeaders, type RpcContext, type RpcReply } from './rpc-protocol.js';

export interface RpcCallOptions {
  correlationId?: string;
  idempotencyKey?: string;
  expectedVersion?: number;
  actor?: Actor;
  timeoutMs?: number;
  /** W3C trace headers to continue; by default those of the active context. */
  trace?: Record<string, string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Gateway side: Core NATS request/reply with typed errors. */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly options: { subjectPrefix?: string; timeoutMs?: number } = {},
  ) {}

  async call<T = unknown>(subject: string, payload: unknown, options: RpcCallOptions = {}): Promise<T> {
    const h = natsHeaders();
    h.set(RpcHeaders.correlationId, options.correlationId ?? randomUUID());
    if (options.idempotencyKey) h.set(RpcHeaders.idempotencyKey, options.idempotencyKey);
    if (options.expectedVersion !== undefined) h.set(RpcHeaders.expectedVersion, String(options.expectedVersion));
    if (options.actor) h.set(RpcHeaders.actor, JSON.stringify(options.actor));
    for (const [key, value] of Object.entries(options.trace ?? traceHeadersOf())) h.set(key, value);
    let msg: Msg;
    try {
      msg = await this.nc.request(`${this.options.subjectPrefix ?? ''}${subject}`, encoder.encode(JSON.stringify(payload ?? {})), {
        timeout: options.timeoutMs ?? this.options.timeoutMs ?? 5000,
        headers: h,
      });
    } catch (error) {
      const name = (error as Error)?.name ?? '';
      const text = String((error as Error)?.message ?? error);
      if (name === 'TimeoutError' || /timeout/i.test(text)) {
        throw new RpcError('timeout', 'SERVICE_TIMEOUT', `No answer from ${subject} in time`);
      }
      throw new RpcError('unavailable', 'SERVICE_UNAVAILABLE', `No service answers ${subject}`);
    }
    const reply = JSON.parse(decoder.decode(msg.data)) as RpcReply<T>;
    if (reply.ok) return reply.data;
    throw RpcError.fromBody(reply.error);
  }
}

export type RpcHandler = (payload: unknown, context: RpcContext) => Promise<unknown>;

/** Service side: answers `<prefix><subject>` in a queue group so replicas share the load. */
export class RpcServer {
  private readonly subscriptions: Subscription[] = [];
  private inFlight = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: {
      subjectPrefix?: string;
      queue: string;
      onError?: (error: unknown, subject: string) => void;
      /** Called once per request with its outcome (`ok` or the error kind) and duration. */
      observe?: (subject: string, outcome: string, seconds: number) => void;
    },
  ) {}

  handle(subject: string, handler: RpcHandler): void {
    const sub = this.nc.subscribe(`${this.options.subjectPrefix ?? ''}${subject}`, {
      queue: this.options.queue,
      callback: (err, msg) => {
        if (err) return;
        void this.dispatch(subject, msg, handler);
      },
    });
    this.subscriptions.push(sub);
  }

  private async dispatch(subject: string, msg: Msg, handler: RpcHandler): Promise<void> {
    this.inFlight++;
    const started = performance.now();
    let expectedVersionGiven = false;
    let reply: RpcReply;
    try {
      const context = this.contextOf(subject, msg);
      expectedVersionGiven = context.expectedVersion !== undefined;
      let payload: unknown;
      try {
        payload = msg.data.length ? JSON.parse(decoder.decode(msg.data)) : {};
      } catch {
        throw new RpcError('validation', 'INVALID_JSON', 'The request body is not valid JSON');
      }
      // The handler runs in a span continuing the caller's trace, so the events it appends
      // carry that trace onwards (event metadata, relay headers, consumers).
      const data = await inSpan(`rpc ${subject}`, SpanKind.SERVER, contextFrom({ get: (k) => msg.headers?.get(k) }), (span) => {
        span.setAttribute('messaging.correlation_id', context.correlationId);
        return handler(payload, context);
      });
      reply = { ok: true, data: data ?? null };
    } catch (error) {
      const body = toRpcErrorBody(error, expectedVersionGiven);
      if (body.kind === 'internal') this.options.onError?.(error, subject);
      reply = { ok: false, error: body };
    } finally {
      this.inFlight--;
    }
    msg.respond(encoder.encode(JSON.stringify(reply)));
    this.options.observe?.(subject, reply.ok ? 'ok' : reply.error.kind, (performance.now() - started) / 1000);
  }

  private contextOf(subject: string, msg: Msg): RpcContext {
    const h = msg.headers;
    const expected = h?.get(RpcHeaders.expectedVersion);
    const expectedVersion = expected ? Number(expected) : undefined;
    if (expectedVersion !== undefined && !Number.isSafeInteger(expectedVersion)) {
      throw new RpcError('validation', 'INVALID_EXPECTED_VERSION', 'Expected-Version must be an integer');
    }
    let actor: Actor | undefined;
    const rawActor = h?.get(RpcHeaders.actor);
    if (rawActor) {
      try {
        actor = JSON.parse(rawActor) as Actor;
      } catch {
        throw new RpcError('unauthenticated', 'INVALID_ACTOR', 'The Actor header is not valid JSON');
      }
      if (!actor || typeof actor.id !== 'string' || typeof actor.role !== 'string') {
        throw new RpcError('unauthenticated', 'INVALID_ACTOR', 'The Actor header needs an id and a role');
      }
    }
    return {
      subject,
      correlationId: h?.get(RpcHeaders.correlationId) || randomUUID(),
      idempotencyKey: h?.get(RpcHeaders.idempotencyKey) || undefined,
      expectedVersion,
      actor,
    };
  }

  /** Stops taking requests and waits for the ones in flight. */
  async close(): Promise<void> {
    for (const sub of this.subscriptions) sub.unsubscribe();
    for (let i = 0; i < 100 && this.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 20));
  }
}

/** The caller, for operations that act on someone's behalf; refused when the call carries none. */
export function requireActor(context: RpcContext): Actor {
  if (!context.actor) throw new RpcError('unauthenticated', 'ACTOR_REQUIRED', 'This operation needs an authenticated caller');
  return context.actor;
}
