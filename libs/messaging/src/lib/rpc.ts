import { randomUUID } from 'node:crypto';
import { createInbox, headers as natsHeaders, nuid, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
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

/**
 * Liveness of a request in flight. A caller that asks for it (header `Rpc-Heartbeat: <ms>`) gets
 * an empty `Rpc-Heartbeat` message from the service every <ms> while its handler runs, so a
 * request whose service died (kill -9, lost connection) fails after a few missed beats as
 * `unavailable` instead of waiting for the whole timeout. Callers that do not ask get one reply.
 */
export const RPC_HEARTBEAT_HEADER = 'Rpc-Heartbeat';
const DEFAULT_HEARTBEAT_MS = 1_000;

interface PendingCall {
  subject: string;
  settle: (outcome: { msg?: Msg; error?: RpcError }) => void;
  alive: () => void;
}

/**
 * Gateway side: Core NATS request/reply with typed errors. Replies arrive on one inbox
 * subscription shared by all calls. Failures are classified so the caller can tell "retry later"
 * from "too slow": no responder, a lost bus or a service that died mid-request are
 * `unavailable` (at once, or after missed heartbeats); no answer within the timeout is `timeout`.
 */
export class RpcClient {
  private readonly pending = new Map<string, PendingCall>();
  private inbox: string | null = null;
  private connected = true;
  private watching = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: { subjectPrefix?: string; timeoutMs?: number; heartbeatMs?: number } = {},
  ) {}

  async call<T = unknown>(subject: string, payload: unknown, options: RpcCallOptions = {}): Promise<T> {
    const h = natsHeaders();
    h.set(RpcHeaders.correlationId, options.correlationId ?? randomUUID());
    if (options.idempotencyKey) h.set(RpcHeaders.idempotencyKey, options.idempotencyKey);
    if (options.expectedVersion !== undefined) h.set(RpcHeaders.expectedVersion, String(options.expectedVersion));
    if (options.actor) h.set(RpcHeaders.actor, JSON.stringify(options.actor));
    for (const [key, value] of Object.entries(options.trace ?? traceHeadersOf())) h.set(key, value);
    const heartbeatMs = this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    h.set(RPC_HEARTBEAT_HEADER, String(heartbeatMs));
    const msg = await this.exchange(subject, encoder.encode(JSON.stringify(payload ?? {})), h, options.timeoutMs ?? this.options.timeoutMs ?? 5000, heartbeatMs);
    const reply = JSON.parse(decoder.decode(msg.data)) as RpcReply<T>;
    if (reply.ok) return reply.data;
    throw RpcError.fromBody(reply.error);
  }

  private exchange(subject: string, data: Uint8Array, h: ReturnType<typeof natsHeaders>, timeoutMs: number, heartbeatMs: number): Promise<Msg> {
    if (this.nc.isClosed() || this.nc.isDraining() || !this.connected) {
      return Promise.reject(new RpcError('unavailable', 'BUS_UNAVAILABLE', 'The message bus is not reachable'));
    }
    const inbox = this.replyInbox();
    const token = nuid.next();
    return new Promise<Msg>((resolve, reject) => {
      // Three beats missed and the service is taken as gone (its process or its connection died
      // with our request); fewer would mistake a busy event loop for a dead process.
      const silenceMs = heartbeatMs * 3;
      let silence: ReturnType<typeof setTimeout> | undefined;
      const deadline = setTimeout(
        () => settle({ error: new RpcError('timeout', 'SERVICE_TIMEOUT', `No answer from ${subject} in time`) }),
        timeoutMs,
      );
      const alive = () => {
        if (silence) clearTimeout(silence);
        if (silenceMs >= timeoutMs) return;
        silence = setTimeout(
          () => settle({ error: new RpcError('unavailable', 'SERVICE_GONE', `The service handling ${subject} stopped answering`) }),
          silenceMs,
        );
      };
      const settle = ({ msg, error }: { msg?: Msg; error?: RpcError }) => {
        if (!this.pending.delete(token)) return;
        clearTimeout(deadline);
        if (silence) clearTimeout(silence);
        if (error) reject(error);
        else resolve(msg!);
      };
      this.pending.set(token, { subject, settle, alive });
      alive();
      try {
        this.nc.publish(`${this.options.subjectPrefix ?? ''}${subject}`, data, { reply: `${inbox}.${token}`, headers: h });
      } catch {
        settle({ error: new RpcError('unavailable', 'BUS_UNAVAILABLE', 'The message bus is not reachable') });
      }
    });
  }

  /** The shared reply subscription, and a watch on the connection (created on first use). */
  private replyInbox(): string {
    if (this.inbox) return this.inbox;
    const inbox = createInbox();
    this.nc.subscribe(`${inbox}.*`, {
      callback: (err, msg) => {
        if (err) return;
        const call = this.pending.get(msg.subject.slice(inbox.length + 1));
        if (!call) return;
        if (msg.headers?.code === 503) {
          call.settle({ error: new RpcError('unavailable', 'SERVICE_UNAVAILABLE', `No service answers ${call.subject}`) });
        } else if (msg.headers?.get(RPC_HEARTBEAT_HEADER)) {
          call.alive();
        } else {
          call.settle({ msg });
        }
      },
    });
    this.inbox = inbox;
    if (!this.watching) {
      this.watching = true;
      void this.watchConnection();
    }
    return inbox;
  }

  /** While the bus is down, calls fail at once, and the ones in flight are failed (their replies are lost). */
  private async watchConnection(): Promise<void> {
    try {
      for await (const status of this.nc.status()) {
        if (status.type === 'disconnect') {
          this.connected = false;
          for (const call of [...this.pending.values()]) {
            call.settle({ error: new RpcError('unavailable', 'BUS_UNAVAILABLE', 'The message bus connection was lost') });
          }
        } else if (status.type === 'reconnect') {
          this.connected = true;
        }
      }
    } catch {
      // the connection closed: calls fail through isClosed()
    }
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
    const beat = Number(msg.headers?.get(RPC_HEARTBEAT_HEADER));
    const heartbeat =
      msg.reply && Number.isFinite(beat) && beat >= 50
        ? setInterval(() => {
            if (this.nc.isClosed()) return clearInterval(heartbeat);
            const h = natsHeaders();
            h.set(RPC_HEARTBEAT_HEADER, 'working');
            try {
              msg.respond(undefined, { headers: h });
            } catch {
              // the connection is closing: the caller will notice the silence
            }
          }, beat).unref()
        : undefined;
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
      clearInterval(heartbeat);
    }
    try {
      msg.respond(encoder.encode(JSON.stringify(reply)));
    } catch (error) {
      this.options.onError?.(error, subject); // connection closed under us: the caller retries
    }
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
