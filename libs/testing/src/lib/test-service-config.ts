import pg from 'pg';
import { testNatsUrl, testPostgresUrl, uniqueId } from './infra.js';
import { databaseUrl } from './test-postgres.js';

export interface IsolatedServiceConfig {
  service: string;
  databaseUrl: string;
  natsUrl: string;
  subjectPrefix: string;
  streamPrefix: string;
}

/**
 * Configuration that isolates one test run of a service: its own database (created by the
 * service at start) and its own subject and stream prefixes on the shared NATS server.
 * Pass the same `prefix` to services that must talk to each other.
 */
export function isolatedServiceConfig(service: string, prefix = `${uniqueId()}.`): IsolatedServiceConfig {
  const db = `${prefix.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${service.replace(/-/g, '_')}`;
  return {
    service,
    databaseUrl: databaseUrl(testPostgresUrl(), db),
    natsUrl: testNatsUrl(),
    subjectPrefix: prefix,
    streamPrefix: prefix.toUpperCase().replace(/[^A-Z0-9]/g, '_'),
  };
}

/** Drops a database a service created for a test. */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
