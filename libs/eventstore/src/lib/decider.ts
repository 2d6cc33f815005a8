import type { Event } from './event.js';

/**
 * A pure aggregate: `decide` turns a command and the current state into new events (or throws a
 * domain error), `evolve` folds one event into state. No I/O, no clock, no randomness: time, ids
 * and the actor arrive inside the command.
 */
export interface Decider<State, Command, E extends Event> {
  decide(command: Command, state: State): E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}

/** Folds a list of events into state. */
export function fold<State, E extends Event>(
  decider: Pick<Decider<State, unknown, E>, 'evolve' | 'initialState'>,
  events: readonly E[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
