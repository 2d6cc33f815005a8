import { serviceDatabaseUrl } from './database.js';

export interface ServiceConfig {
  /** Service name, e.g. `members`; used for subjects, streams, queue groups and the database name. */
  service: string;
  databaseUrl: string;
  natsUrl: string;
  /** Prepended to every subject (isolates tests and environments sharing one NATS). */
  subjectPrefix: string;
  /** Prepended to every JetStream stream name. */
  streamPrefix: string;
  /** Replicas of the service's event stream (3 on a production NATS cluster). */
  streamReplicas?: number;
  /**
   * Local writes within this many milliseconds wake the processors once (PROCESSOR_WAKE_DELAY_MS,
   * default 20; 0 wakes them on every write). See ServiceHost.poke.
   */
  processorWakeDelayMs?: number;
}

/** Reads a service's configuration from the environment, with local defaults that just work. */
export function serviceConfigFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const subjectPrefix = env.NATS_SUBJECT_PREFIX ?? '';
  return {
    service,
    databaseUrl: serviceDatabaseUrl(service, env),
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    subjectPrefix,
    streamPrefix: subjectPrefix.toUpperCase().replace(/[^A-Z0-9]/g, '_'),
    streamReplicas: Number(env.NATS_STREAM_REPLICAS ?? 1),
    processorWakeDelayMs: nonNegative(env.PROCESSOR_WAKE_DELAY_MS, DEFAULT_PROCESSOR_WAKE_DELAY_MS),
  };
}

export const DEFAULT_PROCESSOR_WAKE_DELAY_MS = 20;

function nonNegative(value: string | undefined, fallback: number): number {
  const n = value === undefined || value.trim() === '' ? fallback : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`PROCESSOR_WAKE_DELAY_MS must be a number of milliseconds >= 0, got "${value}"`);
  return n;
}
