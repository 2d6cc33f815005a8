import type { StreamSpec } from './command-handler.js';
import type { Decider } from './decider.js';
import type { Event, RecordedEvent } from './event.js';
import type { ReadStreamOptions, StreamRead } from './read-stream.js';

/** Anything that reads one stream: the event store itself. */
export interface StreamReader {
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StreamRead>;
}

/** An aggregate as folded from its stream. */
export interface LoadedAggregate<State> {
  state: State;
  /** Version of the last event folded; 0 when the stream has none. */
  version: number;
  events: RecordedEvent[];
}

/**
 * One aggregate's stream: where it lives and how it folds. Services declare it once next to their
 * handlers (`export const members = aggregateStream({ decider, streamType, streamId })`) and use it
 * for commands (`members.spec(id)`) and reads (`members.load(host, id, asOf)`).
 */
export interface AggregateStream<State, Command, E extends Event> {
  readonly streamType: string;
  readonly decider: Decider<State, Command, E>;
  streamId(id: string): string;
  spec(id: string): StreamSpec<State, Command, E>;
  fold(events: readonly RecordedEvent[]): State;
  /** Folds a read already made (e.g. one of several streams read together). */
  fromRead(read: StreamRead): LoadedAggregate<State>;
  /** Reads and folds the stream, optionally as it was at `asOf` (an instant or its ISO string). */
  load(source: StreamReader | { store: StreamReader }, id: string, asOf?: Date | string): Promise<LoadedAggregate<State>>;
}

/**
 * Folds recorded events with a decider. The log stores whatever the decider produced under its
 * event types, so a recorded event is the aggregate's event: this is the one place that says so.
 */
export function foldRecorded<State, E extends Event>(
  decider: Pick<Decider<State, unknown, E>, 'evolve' | 'initialState'>,
  events: readonly RecordedEvent[],
  from: State = decider.initialState(),
): State {
  let state = from;
  for (const event of events as unknown as readonly E[]) state = decider.evolve(state, event);
  return state;
}

export function aggregateStream<State, Command, E extends Event>(definition: {
  decider: Decider<State, Command, E>;
  streamType: string;
  streamId: (id: string) => string;
}): AggregateStream<State, Command, E> {
  const { decider, streamType, streamId } = definition;
  const fold = (events: readonly RecordedEvent[]) => foldRecorded(decider, events);
  const fromRead = (read: StreamRead): LoadedAggregate<State> => ({ state: fold(read.events), version: read.version, events: read.events });
  return {
    streamType,
    decider,
    streamId,
    spec: (id) => ({ streamId: streamId(id), streamType, decider }),
    fold,
    fromRead,
    async load(source, id, asOf) {
      const reader = 'readStream' in source ? source : source.store;
      return fromRead(await reader.readStream(streamId(id), asOf ? { asOf: new Date(asOf) } : {}));
    },
  };
}
