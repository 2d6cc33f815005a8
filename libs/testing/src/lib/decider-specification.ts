import type { Decider, Event } from '@cs/eventstore';

/**
 * Given/when/then for deciders:
 *   spec.given([...events]).when(command).then([...expected events])
 *   spec.given([...]).when(command).thenThrows(ErrorClass, 'CODE')
 */
export function DeciderSpecification<State, Command, E extends Event>(decider: Decider<State, Command, E>) {
  return {
    given(events: E[]) {
      return {
        when(command: Command) {
          const run = () => {
            const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
            return decider.decide(command, state);
          };
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenMatches(expected: Array<Partial<E> | Record<string, unknown>>) {
              expect(run()).toMatchObject(expected);
            },
            thenNothingHappens() {
              expect(run()).toEqual([]);
            },
            thenThrows(errorClass?: new (...args: never[]) => Error, code?: string) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              if (errorClass) expect(thrown).toBeInstanceOf(errorClass);
              if (code) expect((thrown as { code?: string }).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
