import type { RecordedEvent } from './event.js';
import { LogTail } from './log-tail.js';
import { LOG_START, type LogPosition } from './position.js';

/** An in-memory log: events in (transaction id, position) order, read as the ordered reader does. */
function fakeLog() {
  const events: RecordedEvent[] = [];
  let reads = 0;
  let release: (() => void) | null = null;
  const gate = { held: false };
  const append = (count: number, transactionId: number) => {
    for (let i = 0; i < count; i++) {
      const globalPosition = String(events.length + 1);
      events.push({ eventId: globalPosition, type: 'E', data: {}, schemaVersion: 1, metadata: {}, streamId: 's', streamType: 't', streamVersion: events.length + 1, globalPosition, transactionId: String(transactionId), recordedAt: new Date(0) });
    }
  };
  const after = (p: LogPosition) => (e: RecordedEvent) =>
    BigInt(e.transactionId) > BigInt(p.transactionId) || (e.transactionId === p.transactionId && BigInt(e.globalPosition) > BigInt(p.globalPosition));
  const readAfter = async (p: LogPosition, limit: number) => {
    reads++;
    if (gate.held) await new Promise<void>((resolve) => (release = resolve));
    return events.filter(after(p)).slice(0, limit);
  };
  return { events, append, readAfter, reads: () => reads, gate, open: () => { gate.held = false; release?.(); } };
}
const at = (e: RecordedEvent): LogPosition => ({ transactionId: e.transactionId, globalPosition: e.globalPosition });
const ids = (events: RecordedEvent[]) => events.map((e) => e.globalPosition);

describe('LogTail', () => {
  it('given five readers at the same place, when they ask together, then the log is read once and each gets the same events', async () => {
    const log = fakeLog();
    log.append(3, 10);
    const tail = new LogTail(log.readAfter);
    log.gate.held = true;
    const asked = Array.from({ length: 5 }, () => tail.after(LOG_START, 100));
    log.open();
    const answers = await Promise.all(asked);
    expect(log.reads()).toBe(1);
    for (const answer of answers) expect(ids(answer)).toEqual(['1', '2', '3']);
    // at the end of the run: one more read for all of them
    log.append(2, 11);
    log.gate.held = true;
    const next = Array.from({ length: 5 }, () => tail.after(at(log.events[2]), 100));
    log.open();
    for (const answer of await Promise.all(next)) expect(ids(answer)).toEqual(['4', '5']);
    expect(log.reads()).toBe(2);
  });

  it('given readers at different places inside the run, when they ask, then they are served without a read', async () => {
    const log = fakeLog();
    log.append(10, 5);
    const tail = new LogTail(log.readAfter);
    await tail.after(LOG_START, 100);
    expect(ids(await tail.after(at(log.events[3]), 100))).toEqual(['5', '6', '7', '8', '9', '10']);
    expect(ids(await tail.after(at(log.events[6]), 2))).toEqual(['8', '9']);
    expect(log.reads()).toBe(1);
  });

  it('given a reader behind what is kept, when it asks, then it reads its own batch and the run stays at the head', async () => {
    const log = fakeLog();
    log.append(30, 7);
    const tail = new LogTail(log.readAfter, 10);
    await tail.after(at(log.events[19]), 100); // keeps 21..30
    expect(ids(await tail.after(at(log.events[4]), 3))).toEqual(['6', '7', '8']);
    expect(log.reads()).toBe(2);
    expect(ids(await tail.after(at(log.events[24]), 100))).toEqual(['26', '27', '28', '29', '30']);
    expect(log.reads()).toBe(2);
  });

  it('given more than it keeps, when the run grows, then the oldest are dropped and a reader there reads for itself', async () => {
    const log = fakeLog();
    const tail = new LogTail(log.readAfter, 4);
    log.append(3, 1);
    await tail.after(LOG_START, 100);
    log.append(3, 2);
    expect(ids(await tail.after(at(log.events[2]), 100))).toEqual(['4', '5', '6']);
    // kept: 3..6 (four); 1 is gone from the run
    const reads = log.reads();
    expect(ids(await tail.after(at(log.events[0]), 100))).toEqual(['2', '3', '4', '5', '6']);
    expect(log.reads()).toBe(reads + 1);
    expect(ids(await tail.after(at(log.events[2]), 100))).toEqual(['4', '5', '6']);
    expect(log.reads()).toBe(reads + 1);
  });

  it('given random readers moving at random, then each reads the whole log in order, every event once', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const log = fakeLog();
    const tail = new LogTail(log.readAfter, 16);
    const readers = Array.from({ length: 6 }, () => ({ at: LOG_START, seen: [] as string[] }));
    let transactionId = 1;
    for (let round = 0; round < 300; round++) {
      if (random() < 0.3) log.append(1 + Math.floor(random() * 5), transactionId++);
      const moving = readers.filter(() => random() < 0.6);
      await Promise.all(
        moving.map(async (reader) => {
          const got = await tail.after(reader.at, 1 + Math.floor(random() * 8));
          reader.seen.push(...ids(got));
          if (got.length) reader.at = at(got[got.length - 1]);
        }),
      );
    }
    for (const reader of readers) {
      while (true) {
        const got = await tail.after(reader.at, 50);
        if (!got.length) break;
        reader.seen.push(...ids(got));
        reader.at = at(got[got.length - 1]);
      }
      expect(reader.seen).toEqual(ids(log.events));
    }
  });
});
