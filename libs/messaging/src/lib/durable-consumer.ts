import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { SqlTx, Transact } from '@cs/eventstore';
import type { IntegrationEnvelope } from '@cs/contracts';
import { contextFrom, inSpan, SpanKind } from '@cs/observability';
import { claimInboxMessage, recordDeadLetter } from './inbox.js';
import { CONSUMER_ACK_WAIT_MS, ensureDurableConsumer } from './provision.js';

/** Messages pulled ahead per request: what a killed process strands until its ack wait runs out. */
export const CONSUMER_PULL_BATCH = 8;

/** A message that can never succeed (bad payload, unknown version): dead-lettered at once. */
export class PermanentMessageError extends Error {}

export interface DurableConsumerOptions<Tx extends SqlTx> {
  /** Inbox key and durable name, e.g. `complaints__member-directory`. */
  consumerId: string;
  stream: string;
  filterSubject: string;
  transact: Transact<Tx>;
  /** Applies one message; runs inside the transaction that also records the inbox row. */
  handle: (envelope: IntegrationEnvelope, tx: Tx, msg: JsMsg) => Promise<void>;
  maxDeliver?: number;
  /** Redelivery delays by attempt (1st retry, 2nd, …); the last repeats. */
  backoffMs?: number[];
  ackWaitMs?: number;
  maxAckPending?: number;
  onError?: (error: unknown, consumerId: string) => void;
  /** Called once per delivery with what became of it. */
  onOutcome?: (consumerId: string, outcome: 'applied' | 'duplicate' | 'retried' | 'dead_lettered') => void;
}

const decoder = new TextDecoder();

/**
 * A durable pull consumer with exactly-once effects: the handler's writes and the inbox row
 * commit together, the ack follows the commit, duplicates are acked without effect, transient
 * failures are retried with backoff up to maxDeliver, and poison messages go to es_dead_letters.
 */
export class DurableConsumer<Tx extends SqlTx> {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private running = false;
  private inFlight: Promise<void> | null = null;
  private readonly maxDeliver: number;
  private readonly backoffMs: number[];

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: DurableConsumerOptions<Tx>,
  ) {
    this.maxDeliver = options.maxDeliver ?? 10;
    this.backoffMs = options.backoffMs ?? [1_000, 5_000, 30_000, 120_000, 600_000];
  }

  /**
   * Starts consuming in the background. The producer's stream may not exist yet (it is created by
   * the producer at its start): provisioning is retried until it does.
   */
  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await ensureDurableConsumer(this.jsm, {
          stream: this.options.stream,
          durable: this.options.consumerId,
          filterSubject: this.options.filterSubject,
          ackWaitMs: this.options.ackWaitMs,
          maxDeliver: this.maxDeliver,
          maxAckPending: this.options.maxAckPending,
        });
        const consumer = await this.js.consumers.get(this.options.stream, this.options.consumerId);
        this.messages = await consumer.consume({ max_messages: CONSUMER_PULL_BATCH });
        for await (const msg of this.messages) {
          this.inFlight = this.process(msg);
          await this.inFlight;
          this.inFlight = null;
          if (!this.running) break;
        }
      } catch (error) {
        if (this.running) this.options.onError?.(error, this.options.consumerId);
      }
      if (this.running) await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Handles one delivery inside a span continuing the producer's trace. Public for tests. */
  async process(msg: JsMsg): Promise<void> {
    const parent = contextFrom({ get: (k) => msg.headers?.get(k) });
    // In-progress acks while the handler runs: the short ack wait is for dead processes, not slow handlers.
    const working = setInterval(() => {
      try {
        msg.working();
      } catch {
        // connection gone: the message is redelivered when its ack wait runs out
      }
    }, Math.max(100, Math.floor((this.options.ackWaitMs ?? CONSUMER_ACK_WAIT_MS) / 3))).unref();
    try {
      await inSpan(`consume ${this.options.consumerId}`, SpanKind.CONSUMER, parent, () => this.processInSpan(msg));
    } finally {
      clearInterval(working);
    }
  }

  private async processInSpan(msg: JsMsg): Promise<void> {
    const raw = decoder.decode(msg.data);
    let envelope: IntegrationEnvelope;
    try {
      envelope = JSON.parse(raw) as IntegrationEnvelope;
      if (!envelope || typeof envelope.id !== 'string' || typeof envelope.type !== 'string' || !envelope.data) {
        throw new PermanentMessageError('not an integration envelope (id, type, data required)');
      }
    } catch (error) {
      return this.deadLetter(msg, raw, undefined, error);
    }
    try {
      const applied = await this.options.transact(async (tx) => {
        if (!(await claimInboxMessage(tx, this.options.consumerId, envelope.id))) return false;
        await this.options.handle(envelope, tx, msg);
        return true;
      });
      msg.ack();
      this.options.onOutcome?.(this.options.consumerId, applied ? 'applied' : 'duplicate');
    } catch (error) {
      if (error instanceof PermanentMessageError || msg.info.deliveryCount >= this.maxDeliver) {
        return this.deadLetter(msg, raw, envelope.id, error);
      }
      this.options.onError?.(error, this.options.consumerId);
      const delay = this.backoffMs[Math.min(msg.info.deliveryCount - 1, this.backoffMs.length - 1)];
      msg.nak(delay);
      this.options.onOutcome?.(this.options.consumerId, 'retried');
    }
  }

  private async deadLetter(msg: JsMsg, raw: string, messageId: string | undefined, error: unknown): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [key, values] of msg.headers ?? []) headers[key] = values.join(',');
    try {
      await this.options.transact((tx) =>
        recordDeadLetter(tx, {
          consumerId: this.options.consumerId,
          messageId,
          subject: msg.subject,
          reason: error instanceof Error ? error.message : String(error),
          payload: raw,
          headers,
          deliveries: msg.info.deliveryCount,
        }),
      );
      msg.term();
      this.options.onOutcome?.(this.options.consumerId, 'dead_lettered');
    } catch (dlqError) {
      this.options.onError?.(dlqError, this.options.consumerId);
      msg.nak(this.backoffMs[0]);
    }
  }

  /** Stops pulling, lets the message in hand finish, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    await this.inFlight;
    await this.messages?.close();
    await this.loop;
  }
}
