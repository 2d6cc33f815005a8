/** Time as the application sees it; tests swap in a TestClock. */
export interface Clock {
  now(): Date;
}

/**
 * The machine's clock. `CLOCK_SKEW_MS` (test only: the fault suite uses it to run one process
 * ahead of or behind the others) shifts it by that many milliseconds; unset in every deployment.
 */
const skewMs = Number(globalThis.process?.env?.CLOCK_SKEW_MS ?? 0) || 0;

export const systemClock: Clock = { now: () => new Date(Date.now() + skewMs) };

/** A clock that only moves when told to. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
