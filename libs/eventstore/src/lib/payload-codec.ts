import type { Pool, PoolClient } from 'pg';
import type { NewEvent, RecordedEvent } from './event.js';

/**
 * A transform of stored payloads, such as encrypting personal fields under a per-subject key
 * (crypto-shredding). `encode` runs on the appending connection, inside the append's transaction
 * (a store with a codec always appends in one), so what it writes (a new key, a deleted one)
 * commits or rolls back with the events. `decode` runs after every read, after upcasting; it
 * must not throw for data it can no longer open (a deleted key) but give a placeholder.
 * Appends hand their callers (inline projections, command handlers) the events as decided,
 * never the encoded form.
 */
export interface PayloadCodec {
  /**
   * False when `encode` would hand these events back unchanged without touching the database
   * (no personal field in them): the store then appends them as it would without a codec, in one
   * statement with no transaction of its own. Absent: every append is encoded.
   */
  encodes?(events: readonly NewEvent[]): boolean;
  encode(client: PoolClient, stream: { streamId: string; streamType: string }, events: readonly NewEvent[]): Promise<NewEvent[]>;
  decode(pool: Pool, events: RecordedEvent[]): Promise<RecordedEvent[]>;
}
