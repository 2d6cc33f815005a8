import type { PostgresEventStore } from '@cs/eventstore';
import { DEFAULT_PROCESSOR_WAKE_DELAY_MS, serviceConfigFromEnv } from './service-config.js';
import { ServiceHost } from './service-host.js';

describe('processor wake-ups', () => {
  it('given no setting, when the config is read, then writes within 20 ms wake the processors once', () => {
    expect(DEFAULT_PROCESSOR_WAKE_DELAY_MS).toBe(20);
    expect(serviceConfigFromEnv('complaints', {}).processorWakeDelayMs).toBe(20);
    expect(serviceConfigFromEnv('complaints', { PROCESSOR_WAKE_DELAY_MS: '0' }).processorWakeDelayMs).toBe(0);
    expect(serviceConfigFromEnv('complaints', { PROCESSOR_WAKE_DELAY_MS: ' ' }).processorWakeDelayMs).toBe(20);
  });

  it.each(['-1', 'soon', 'NaN'])('given PROCESSOR_WAKE_DELAY_MS=%s, when the config is read, then it is refused naming the setting', (value) => {
    expect(() => serviceConfigFromEnv('complaints', { PROCESSOR_WAKE_DELAY_MS: value })).toThrow(/PROCESSOR_WAKE_DELAY_MS/);
  });

  /** Waits for a condition (timers fire late on a busy machine), at most 5 s. */
  const until = async (done: () => boolean) => {
    for (const deadline = Date.now() + 5_000; !done() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  const hostWithOneRunner = (processorWakeDelayMs: number) => {
    const config = { ...serviceConfigFromEnv('complaints', {}), processorWakeDelayMs };
    const host = new ServiceHost({ config, entities: [], migrations: [], publications: () => [], logging: false });
    host.store = { pool: {} } as unknown as PostgresEventStore; // the runner is never started here
    const runner = host.addProcessor({ id: 'p', handle: async () => undefined });
    let pokes = 0;
    runner.poke = () => void pokes++;
    return { host, pokes: () => pokes };
  };

  it('given a delay, when three writes follow each other, then the processors are woken once, after the delay', async () => {
    const { host, pokes } = hostWithOneRunner(15);
    host.poke();
    host.poke();
    host.poke();
    expect(pokes()).toBe(0);
    await until(() => pokes() > 0);
    expect(pokes()).toBe(1);
    host.poke();
    expect(pokes()).toBe(1);
    await until(() => pokes() > 1);
    expect(pokes()).toBe(2);
  });

  it('given no delay, when a write is made, then the processors are woken at once', () => {
    const { host, pokes } = hostWithOneRunner(0);
    host.poke();
    host.poke();
    expect(pokes()).toBe(2);
  });
});
