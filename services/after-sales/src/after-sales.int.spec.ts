import 'reflect-metadata';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { RpcClient } from '@cs/messaging';
import { serviceDatabaseUrl } from '@cs/nest-common';
import { serviceDefinition } from '@cs/platform';
import { deleteStreams, dropDatabase, isolatedServiceConfig } from '@cs/testing';
import { configFromEnv, createService } from './main.js';

describe('after-sales service skeleton', () => {
  const iso = isolatedServiceConfig('after-sales');
  let app: NestFastifyApplication;
  let nc: NatsConnection;

  beforeAll(async () => {
    app = await createService({ config: { ...configFromEnv({}), ...iso }, logging: false });
    nc = await connect({ servers: iso.natsUrl });
  });
  afterAll(async () => {
    await app?.close();
    await nc?.drain();
    await dropDatabase(iso.databaseUrl);
    await deleteStreams(iso.streamPrefix);
  });

  it('answers after-sales.rpc.Ping over NATS', async () => {
    const rpc = new RpcClient(nc, { subjectPrefix: iso.subjectPrefix });
    await expect(rpc.call('after-sales.rpc.Ping', {})).resolves.toEqual({ service: 'after-sales', ok: true });
  });

  it('answers its probes and metrics', async () => {
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect([live.statusCode, live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', details: { postgres: { status: 'up' }, nats: { status: 'up' } } });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('cs_processor_lag_events');
  });

  it('created its database with the event store and its migrations, and its event stream', async () => {
    const db = new pg.Client({ connectionString: iso.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string }>('select name from schema_migrations order by id');
      expect(rows.map((r) => r.name)).toContain('AfterSalesReadModels1735689600300');
      await expect(db.query('select count(*) from es_events')).resolves.toBeDefined();
    } finally {
      await db.end();
    }
    const stream = await (await jetstreamManager(nc)).streams.info(`${iso.streamPrefix}AFTER_SALES_EVT`);
    expect(stream.config.subjects).toEqual([`${iso.subjectPrefix}after-sales.evt.>`]);
  });

  it('names its own database as the registry says', () => {
    expect(new URL(serviceDatabaseUrl('after-sales', {})).pathname).toBe(`/${serviceDefinition('after-sales').database}`);
  });
});
