import type { RecordedEvent } from './event.js';
import { comparePositions, type LogPosition } from './position.js';

export type ReadAfter = (after: LogPosition, limit: number) => Promise<RecordedEvent[]>;

const samePosition = (a: LogPosition, b: LogPosition) => a.transactionId === b.transactionId && a.globalPosition === b.globalPosition;
const positionOf = (e: RecordedEvent): LogPosition => ({ transactionId: e.transactionId, globalPosition: e.globalPosition });

/**
 * The recent end of the log, read once for every processor of a process. After a command every
 * processor wakes and asks for the events after its checkpoint; they are mostly at the same
 * place, so one of them reads the log and the others are served from what it read (or wait for
 * the same read). A processor elsewhere in the log reads it itself.
 *
 * What is kept is a run of consecutive log events as the ordered reader returned them (so the
 * no-skip guarantee of read-all.ts holds for every slice of it): `start` is the position just
 * before the first one, `end` the last one's. Events are decoded once and shared: processors must
 * not change them.
 */
export class LogTail {
  private events: RecordedEvent[] = [];
  private start: LogPosition | null = null;
  private end: LogPosition | null = null;
  private reading: { from: LogPosition; done: Promise<void> } | null = null;
  /** Reads of the database made / requests served, for tests and metrics. */
  readonly stats = { reads: 0, served: 0 };

  private readonly readAfter: ReadAfter;

  /**
   * `freeze` deep-freezes what is read, so a processor that changes a shared event fails loudly;
   * on under tests.
   */
  constructor(
    readAfter: ReadAfter,
    private readonly capacity = 1000,
    freeze = process.env.NODE_ENV === 'test',
  ) {
    this.readAfter = freeze ? async (after, limit) => (await readAfter(after, limit)).map(deepFreeze) : readAfter;
  }

  /** Up to `limit` events after `position`, in log order. */
  async after(position: LogPosition, limit: number): Promise<RecordedEvent[]> {
    this.stats.served++;
    const kept = this.slice(position, limit);
    if (kept !== null && kept.length > 0) return kept;
    const pending = this.reading;
    if (pending && samePosition(pending.from, position)) {
      await pending.done; // the same read someone else asked for
    } else if (kept !== null || this.startsRun(position)) {
      await this.readInto(position, limit); // at the end of the run, or past it: read on, for everyone
    } else {
      return this.readOwn(position, limit); // behind the run
    }
    // the read it waited for may have been from elsewhere in the log
    return this.slice(position, limit) ?? this.readOwn(position, limit);
  }

  private async readOwn(position: LogPosition, limit: number): Promise<RecordedEvent[]> {
    const read = await this.readAfter(position, limit);
    this.stats.reads++;
    return read;
  }

  /** Forgets what is kept (e.g. after the log was rewritten in place). */
  clear(): void {
    this.events = [];
    this.start = this.end = null;
  }

  /** The kept events after `position`, [] when it is the end, null when it is not in the run. */
  private slice(position: LogPosition, limit: number): RecordedEvent[] | null {
    if (!this.start || !this.end) return null;
    if (samePosition(position, this.end)) return [];
    if (samePosition(position, this.start)) return this.events.slice(0, limit);
    const at = this.indexOf(position);
    return at < 0 ? null : this.events.slice(at + 1, at + 1 + limit);
  }

  /** Binary search on (transaction id, global position), both compared as integers. */
  private indexOf(position: LogPosition): number {
    let lo = 0;
    let hi = this.events.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = comparePositions(positionOf(this.events[mid]), position);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether a read from `position` starts the run anew: nothing is kept, or it is past the run's end. */
  private startsRun(position: LogPosition): boolean {
    return !this.end || comparePositions(position, this.end) > 0;
  }

  /**
   * Reads after `position` and keeps what it read: appended to the run when `position` is its
   * end, as a new run when the run is empty or behind (the run follows the head of the log,
   * where the caught-up processors are; one that is behind reads its own batches until it
   * reaches them). One read at a time: others asking from the same place wait for it.
   */
  private readInto(position: LogPosition, limit: number): Promise<void> {
    if (this.reading) return this.reading.done.then(() => undefined);
    const done = (async () => {
      try {
        const read = await this.readAfter(position, limit);
        this.stats.reads++;
        if (this.end && samePosition(this.end, position)) {
          this.events.push(...read);
        } else if (this.startsRun(position)) {
          this.start = position;
          this.events = read.slice();
        } else {
          return; // the run moved meanwhile (a clear)
        }
        if (this.events.length) this.end = positionOf(this.events[this.events.length - 1]);
        else this.end = position;
        this.trim();
      } finally {
        this.reading = null;
      }
    })();
    this.reading = { from: position, done };
    return done;
  }

  private trim(): void {
    const excess = this.events.length - this.capacity;
    if (excess <= 0) return;
    this.start = positionOf(this.events[excess - 1]);
    this.events = this.events.slice(excess);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
