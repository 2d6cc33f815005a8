// Jest global setup (plain ESM: jest loads it outside the transform pipeline).
// Resolves the Postgres and NATS every integration test uses: env URLs first
// (TEST_DATABASE_URL / DATABASE_URL, TEST_NATS_URL / NATS_URL), then the local servers on their
// standard ports (and 5433, the embedded Postgres of `npm run up`), then testcontainers where a
// container engine exists; containers started here are stopped by global-teardown.mjs.
import { Socket } from 'node:net';

function isPortOpen(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export default async function globalSetup() {
  if (!process.env.TEST_DATABASE_URL) {
    if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    else if (await isPortOpen('127.0.0.1', 5432)) process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
    // the embedded Postgres `npm run up` starts when none runs on 5432
    else if (await isPortOpen('127.0.0.1', 5433)) process.env.TEST_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5433/postgres';
    else {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:15').start();
      process.env.TEST_DATABASE_URL = container.getConnectionUri();
      globalThis.__PG_CONTAINER__ = container;
    }
  }
  if (!process.env.TEST_NATS_URL) {
    if (process.env.NATS_URL) process.env.TEST_NATS_URL = process.env.NATS_URL;
    else if (await isPortOpen('127.0.0.1', 4222)) process.env.TEST_NATS_URL = 'nats://127.0.0.1:4222';
    else {
      const { GenericContainer } = await import('testcontainers');
      const container = await new GenericContainer('nats:2.10').withCommand(['-js']).withExposedPorts(4222).start();
      process.env.TEST_NATS_URL = `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
      globalThis.__NATS_CONTAINER__ = container;
    }
  }
}
