import { DomainError } from './errors.js';
import type { Event } from './event.js';

/** How an event moves the status: to a fixed status, unchanged, or by a rule on the status before. */
export type StatusChange<S extends string, E> = S | 'unchanged' | ((before: S, event: E) => S);

export interface LifecycleSpec<S extends string, C extends { type: string }, E extends Event> {
  /** The aggregate's name in messages and error codes: `complaint` → `COMPLAINT_INVALID_TRANSITION`. */
  name: string;
  statuses: readonly S[];
  /** Statuses nothing leaves (except the commands that say so explicitly, e.g. reopen). */
  terminal: readonly S[];
  /** Finished work that is not terminal (e.g. `resolved`, awaiting close): neither open nor terminal. */
  settled?: readonly S[];
  /**
   * Where each command may run: `create` only before the first event; otherwise the allowed
   * statuses, where `create` in the list also allows it before the first event (a definition
   * that is created and later replaced by the same command).
   */
  commands: { readonly [K in C['type']]: 'create' | readonly (S | 'create')[] };
  /** The status after each event; a creation event names its first status. */
  events: { readonly [K in E['type']]: StatusChange<S, Extract<E, { type: K }>> };
  /**
   * The refusal when a command may not run in a status, where the aggregate says more than the
   * generic `<NAME>_INVALID_TRANSITION` (e.g. "only a resolved complaint can be closed");
   * undefined falls back to the generic refusal.
   */
  refuse?: (command: C['type'], status: S | undefined) => DomainError | undefined;
}

/**
 * One aggregate's status machine as data: the decider asks it whether a command may run, `evolve`
 * and the projections ask it for the status after an event, and the open/terminal sets derive
 * from it, so the machine is written once.
 */
export class Lifecycle<S extends string, C extends { type: string }, E extends Event> {
  readonly statuses: readonly S[];
  readonly terminal: readonly S[];
  readonly settled: readonly S[];
  /** Statuses in which the aggregate is still being worked on. */
  readonly open: readonly S[];
  private readonly code: string;

  constructor(private readonly spec: LifecycleSpec<S, C, E>) {
    this.statuses = spec.statuses;
    this.terminal = spec.terminal;
    this.settled = spec.settled ?? [];
    this.open = spec.statuses.filter((s) => !this.terminal.includes(s) && !this.settled.includes(s));
    this.code = `${spec.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_INVALID_TRANSITION`;
  }

  isTerminal(status: S): boolean {
    return this.terminal.includes(status);
  }

  isOpen(status: S): boolean {
    return this.open.includes(status);
  }

  /** Whether `command` may run in `status` (`undefined`: the aggregate does not exist yet). */
  allows(command: C['type'], status: S | undefined): boolean {
    const allowed = this.spec.commands[command as keyof LifecycleSpec<S, C, E>['commands']] as 'create' | readonly (S | 'create')[];
    if (allowed === 'create') return status === undefined;
    return allowed.includes(status ?? 'create');
  }

  /**
   * Throws unless `command` may run in `status`: the aggregate's own refusal when it has one,
   * else its `<NAME>_INVALID_TRANSITION` conflict.
   */
  require(command: C['type'], status: S | undefined): void {
    if (this.allows(command, status)) return;
    throw (
      this.spec.refuse?.(command, status) ??
      new DomainError(this.code, `Cannot ${command} when the ${this.spec.name} is ${status ?? 'not there'}`, 'conflict', {
        action: command,
        status: status ?? null,
      })
    );
  }

  /** The status after `event`; `before` is undefined for the creation event. */
  statusAfter(event: E, before: S | undefined): S {
    const change = this.spec.events[event.type as keyof LifecycleSpec<S, C, E>['events']] as StatusChange<S, E>;
    if (typeof change === 'function') {
      if (before === undefined) throw new Error(`${event.type} cannot create a ${this.spec.name}`);
      return change(before, event);
    }
    if (change === 'unchanged') {
      if (before === undefined) throw new Error(`${event.type} cannot create a ${this.spec.name}`);
      return before;
    }
    return change;
  }
}

export function defineLifecycle<S extends string, C extends { type: string }, E extends Event>(
  spec: LifecycleSpec<S, C, E>,
): Lifecycle<S, C, E> {
  return new Lifecycle(spec);
}
