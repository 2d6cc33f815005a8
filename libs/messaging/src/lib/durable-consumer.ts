import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { isConnectionLost, isDatabaseTimeout, type SqlTx, type Transact } from '@cs/eventstore';
import type { IntegrationEnvelope } from '@cs/contracts';
import { contextFrom, inSpan, SpanKind } from '@cs/observability';
import { claimInboxMessage, claimInboxMessages, recordDeadLetter } from './inbox.js';
import { CONSUMER_ACK_WAIT_MS, CONSUMER_MAX_ACK_PENDING, ensureDurableConsumer } from './provision.js';

/** Messages pulled ahead per request: what a killed process strands until its ack wait runs out. */
export const CONSUMER_PULL_BATCH = 8;

/**
 * Most messages one transaction applies, for consumers that batch (`maxBatch`): the transaction
 * stays short (while open it holds back every event-log reader of the cluster). A batch is what
 * is already pulled when the previous one ends, never more.
 */
export const CONSUMER_MAX_BATCH = 32;

/**
 * max_ack_pending keeps what one dead replica strands (its pull batch) at a quarter of what the
 * consumer may have unacknowledged, so the survivors go on: 32 for the default pull batch of 8.
 */
export const maxAckPendingFor = (pullBatch: number) => Math.max(CONSUMER_MAX_ACK_PENDING, 4 * pullBatch);

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
  /**
   * Optional: applies the new messages of a batch at once (fewer statements), with the same
   * effect as `handle` on each in order. Without it a batch calls `handle` for each message.
   */
  handleBatch?: (envelopes: IntegrationEnvelope[], tx: Tx) => Promise<void>;
  maxDeliver?: number;
  /** Redelivery delays by attempt (1st retry, 2nd, …); the last repeats. */
  backoffMs?: number[];
  ackWaitMs?: number;
  maxAckPending?: number;
  /**
   * Messages applied per transaction (default 1): the inbox rows are claimed with one statement,
   * the handlers run in order, one COMMIT, then the acks. Raise it (up to CONSUMER_MAX_BATCH) only
   * for a handler whose every effect goes through `tx`: a failed batch is rolled back and its
   * messages applied again one at a time, so an effect outside `tx` (a command, a webhook) would
   * run twice, and it would keep the batch's transaction open while it runs.
   */
  maxBatch?: number;
  onError?: (error: unknown, consumerId: string) => void;
  /**
   * Told once when the stream it reads does not exist (yet): its producer has not started, which
   * is a wait, not a failure (it looks again with a growing pause up to 5 s). Without it the
   * first miss goes to onError.
   */
  onStreamMissing?: (consumerId: string, stream: string) => void;
  /** Called once per delivery with what became of it. */
  onOutcome?: (consumerId: string, outcome: 'applied' | 'duplicate' | 'retried' | 'dead_lettered') => void;
  /** Called once per committed transaction of messages with how many it covered. */
  onBatch?: (consumerId: string, size: number) => void;
}

interface Delivery {
  msg: JsMsg;
  raw: string;
  envelope: IntegrationEnvelope;
}

/** What `Promise.race` gets when the pulled messages are all taken. */
const NOTHING_PULLED = Symbol('nothing pulled');
const afterPendingCallbacks = () => new Promise<typeof NOTHING_PULLED>((resolve) => setImmediate(() => resolve(NOTHING_PULLED)));

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
  private readonly maxBatch: number;
  /** A batching consumer pulls a whole batch ahead (the client asks for more only as it takes messages). */
  private readonly pullBatch: number;
  /** A request for the next message made while gathering a batch that nothing answered yet. */
  private waiting: Promise<IteratorResult<JsMsg>> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: DurableConsumerOptions<Tx>,
  ) {
    this.maxDeliver = options.maxDeliver ?? 10;
    this.backoffMs = options.backoffMs ?? [1_000, 5_000, 30_000, 120_000, 600_000];
    this.maxBatch = Math.max(1, Math.min(options.maxBatch ?? 1, CONSUMER_MAX_BATCH));
    this.pullBatch = Math.max(CONSUMER_PULL_BATCH, this.maxBatch);
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
    // A producer's stream that does not exist yet (the producer not deployed or not started): said
    // once, then looked for again with a growing pause (up to 5 s) instead of an error every 500 ms.
    let streamMissing = 0;
    while (this.running) {
      let pause = 500;
      try {
        await ensureDurableConsumer(this.jsm, {
          stream: this.options.stream,
          durable: this.options.consumerId,
          filterSubject: this.options.filterSubject,
          ackWaitMs: this.options.ackWaitMs,
          maxDeliver: this.maxDeliver,
          maxAckPending: this.options.maxAckPending ?? maxAckPendingFor(this.pullBatch),
        });
        streamMissing = 0;
        const consumer = await this.js.consumers.get(this.options.stream, this.options.consumerId);
        this.messages = await consumer.consume({ max_messages: this.pullBatch });
        const pulled = this.messages[Symbol.asyncIterator]();
        this.waiting = null;
        try {
          for (let batch = await this.nextBatch(pulled); batch.length > 0; batch = await this.nextBatch(pulled)) {
            this.inFlight = batch.length === 1 ? this.process(batch[0]) : this.processBatch(batch);
            await this.inFlight;
            this.inFlight = null;
            if (!this.running) break;
          }
        } finally {
          // as leaving a for-await does: the pull stops, and closing the messages can complete
          void pulled.return?.(undefined).catch(() => undefined);
        }
      } catch (error) {
        const missing = isStreamNotFound(error);
        if (this.running && missing && streamMissing === 0 && this.options.onStreamMissing) this.options.onStreamMissing(this.options.consumerId, this.options.stream);
        else if (this.running && !(missing && streamMissing > 0)) this.options.onError?.(error, this.options.consumerId);
        if (missing) pause = Math.min(5_000, 500 * 2 ** streamMissing++);
      }
      if (this.running) await new Promise((r) => setTimeout(r, pause));
    }
  }

  /**
   * The next message, and with it (up to maxBatch) those already pulled: a batch never waits for
   * a message still to come, so a quiet stream sees no added latency.
   */
  private async nextBatch(pulled: AsyncIterator<JsMsg>): Promise<JsMsg[]> {
    const first = await (this.waiting ?? pulled.next());
    this.waiting = null;
    if (first.done) return [];
    const batch = [first.value];
    while (batch.length < this.maxBatch) {
      const next = pulled.next();
      const result = await Promise.race([next, afterPendingCallbacks()]);
      if (result === NOTHING_PULLED) {
        next.catch(() => undefined); // a consumer that ends meanwhile rejects it; the loop restarts
        this.waiting = next;
        break;
      }
      if (result.done) {
        this.waiting = next;
        break;
      }
      batch.push(result.value);
    }
    return batch;
  }

  /** Handles one delivery inside a span continuing the producer's trace. Public for tests. */
  async process(msg: JsMsg): Promise<void> {
    const working = this.keepAlive([msg]);
    try {
      await this.inSpanOf(msg, async () => {
        const delivery = await this.parse(msg);
        if (delivery) await this.applyOne(delivery);
      });
    } finally {
      clearInterval(working);
    }
  }

  /**
   * Applies several deliveries in one transaction: one inbox claim, the handlers in delivery
   * order, one COMMIT, then the acks. If any of them fails, the transaction is rolled back (none
   * is applied) and each is applied again on its own, so a poison message takes its usual path
   * (retried, then dead-lettered) and the others are applied.
   */
  private async processBatch(msgs: JsMsg[]): Promise<void> {
    const working = this.keepAlive(msgs);
    try {
      const deliveries: Delivery[] = [];
      for (const msg of msgs) {
        const delivery = await this.inSpanOf(msg, () => this.parse(msg));
        if (delivery) deliveries.push(delivery);
      }
      if (deliveries.length <= 1) {
        for (const delivery of deliveries) await this.inSpanOf(delivery.msg, () => this.applyOne(delivery));
        return;
      }
      let applied: Set<Delivery>;
      try {
        applied = await this.options.transact(async (tx) => {
          const claimed = await claimInboxMessages(tx, this.options.consumerId, deliveries.map((d) => d.envelope.id));
          // not claimed: processed before, or earlier in this batch
          const fresh = deliveries.filter((d) => claimed.delete(d.envelope.id));
          const { handle, handleBatch } = this.options;
          if (handleBatch && fresh.length > 0) {
            // one span for the batch, in the trace of its first message
            await this.inSpanOf(fresh[0].msg, () => handleBatch(fresh.map((d) => d.envelope), tx));
          } else {
            for (const d of fresh) await this.inSpanOf(d.msg, () => handle(d.envelope, tx, d.msg));
          }
          return new Set(fresh);
        });
      } catch (error) {
        if (isConnectionLost(error) || isDatabaseTimeout(error)) {
          // the database, not a message: one at a time would fail the same way, each after its own wait
          for (const delivery of deliveries) await this.failed(delivery, error);
          return;
        }
        for (const delivery of deliveries) await this.inSpanOf(delivery.msg, () => this.applyOne(delivery));
        return;
      }
      this.options.onBatch?.(this.options.consumerId, deliveries.length);
      for (const delivery of deliveries) {
        delivery.msg.ack();
        this.options.onOutcome?.(this.options.consumerId, applied.has(delivery) ? 'applied' : 'duplicate');
      }
    } finally {
      clearInterval(working);
    }
  }

  /** In-progress acks while the handlers run: the short ack wait is for dead processes, not slow handlers. */
  private keepAlive(msgs: JsMsg[]): NodeJS.Timeout {
    return setInterval(() => {
      for (const msg of msgs) {
        try {
          msg.working();
        } catch {
          // connection gone: the message is redelivered when its ack wait runs out
        }
      }
    }, Math.max(100, Math.floor((this.options.ackWaitMs ?? CONSUMER_ACK_WAIT_MS) / 3))).unref();
  }

  private inSpanOf<T>(msg: JsMsg, fn: () => Promise<T>): Promise<T> {
    const parent = contextFrom({ get: (k) => msg.headers?.get(k) });
    return inSpan(`consume ${this.options.consumerId}`, SpanKind.CONSUMER, parent, fn);
  }

  /** The delivery's envelope; one that is not an envelope is dead-lettered (undefined). */
  private async parse(msg: JsMsg): Promise<Delivery | undefined> {
    const raw = decoder.decode(msg.data);
    try {
      const envelope = JSON.parse(raw) as IntegrationEnvelope;
      if (!envelope || typeof envelope.id !== 'string' || typeof envelope.type !== 'string' || !envelope.data) {
        throw new PermanentMessageError('not an integration envelope (id, type, data required)');
      }
      return { msg, raw, envelope };
    } catch (error) {
      await this.deadLetter(msg, raw, undefined, error);
      return undefined;
    }
  }

  private async applyOne(delivery: Delivery): Promise<void> {
    const { msg, envelope } = delivery;
    try {
      const applied = await this.options.transact(async (tx) => {
        if (!(await claimInboxMessage(tx, this.options.consumerId, envelope.id))) return false;
        await this.options.handle(envelope, tx, msg);
        return true;
      });
      this.options.onBatch?.(this.options.consumerId, 1);
      msg.ack();
      this.options.onOutcome?.(this.options.consumerId, applied ? 'applied' : 'duplicate');
    } catch (error) {
      await this.failed(delivery, error);
    }
  }

  /** A delivery that could not be applied: retried with backoff, or dead-lettered when it never can be or has had its deliveries. */
  private async failed({ msg, raw, envelope }: Delivery, error: unknown): Promise<void> {
    if (error instanceof PermanentMessageError || msg.info.deliveryCount >= this.maxDeliver) {
      return this.deadLetter(msg, raw, envelope.id, error);
    }
    this.options.onError?.(error, this.options.consumerId);
    const delay = this.backoffMs[Math.min(msg.info.deliveryCount - 1, this.backoffMs.length - 1)];
    msg.nak(delay);
    this.options.onOutcome?.(this.options.consumerId, 'retried');
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

const isStreamNotFound = (error: unknown): boolean =>
  (error as Error | null)?.name === 'StreamNotFoundError' || /stream not found/i.test(String((error as Error | null)?.message));
