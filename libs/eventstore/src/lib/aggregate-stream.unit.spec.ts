import { aggregateStream } from './aggregate-stream.js';
import type { Decider } from './decider.js';
import type { Event, RecordedEvent } from './event.js';
import type { ReadStreamOptions, StreamRead } from './read-stream.js';

type Added = Event<'Added', { amount: number }>;
const counter: Decider<number, { amount: number }, Added> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.amount,
  decide: (command) => [{ type: 'Added', data: { amount: command.amount } }],
};
const counters = aggregateStream({ decider: counter, streamType: 'counter', streamId: (id) => `counter-${id}` });

const recorded = (streamVersion: number, amount: number) => ({ type: 'Added', data: { amount }, streamVersion }) as unknown as RecordedEvent;

describe('aggregateStream', () => {
  describe('when a command is run', () => {
    it('should name the stream, its type and its decider', () => {
      expect(counters.spec('a')).toEqual({ streamId: 'counter-a', streamType: 'counter', decider: counter });
    });
  });

  describe('when the stream is loaded', () => {
    it('should fold the events read and report the last version', async () => {
      const reads: Array<[string, ReadStreamOptions | undefined]> = [];
      const store = {
        readStream: async (streamId: string, options?: ReadStreamOptions): Promise<StreamRead> => {
          reads.push([streamId, options]);
          return { streamId, version: 2, events: [recorded(1, 3), recorded(2, 4)] };
        },
      };
      expect(await counters.load({ store }, 'a')).toMatchObject({ state: 7, version: 2 });
      await counters.load(store, 'b', '2026-01-01T00:00:00.000Z');
      expect(reads).toEqual([
        ['counter-a', {}],
        ['counter-b', { asOf: new Date('2026-01-01T00:00:00.000Z') }],
      ]);
    });

    it('should give the initial state for a stream without events', () => {
      expect(counters.fromRead({ streamId: 'counter-c', version: 0, events: [] })).toEqual({ state: 0, version: 0, events: [] });
    });
  });
});
