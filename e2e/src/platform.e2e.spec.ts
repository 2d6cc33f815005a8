import { readinessServiceNames, SERVICES } from '@cs/platform';
import { Platform } from './support/platform.js';

describe('the platform from the service registry, end to end', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 90_000);
  afterAll(() => platform.stop());

  it('starts every registered service: the gateway is ready only with each one answering Ping', async () => {
    const ready = await platform.request('GET', '/health/ready', null);
    expect(ready.status).toBe(200);
    const up = Object.fromEntries(readinessServiceNames().map((name) => [name, { status: 'up' }]));
    expect(ready.body.details).toMatchObject({ nats: { status: 'up' }, ...up });
    expect(SERVICES.map((s) => new URL(platform.config(s.name).databaseUrl).pathname)).toEqual(
      SERVICES.map((s) => expect.stringMatching(new RegExp(`_${s.name.replace(/-/g, '_')}$`))),
    );
  });

  it('turns unready while one service is stopped and ready again once it is back', async () => {
    const service = readinessServiceNames().at(-1)!;
    await platform.stopService(service);
    const down = await platform.request('GET', '/health/ready', null);
    expect(down.status).toBe(503);
    expect(down.body.details[service]).toMatchObject({ status: 'down' });
    await platform.startService(service);
    expect((await platform.request('GET', '/health/ready', null)).status).toBe(200);
  });
});
