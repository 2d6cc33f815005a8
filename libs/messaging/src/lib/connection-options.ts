import type { ConnectionOptions } from '@nats-io/transport-node';

/**
 * How every process of the platform connects to NATS. It reconnects for as long as it runs (the
 * client's default gives up after ten attempts, about 20 s, and the connection then stays closed:
 * a bus away for a minute would have left a service deaf until restarted). Requests and publishes
 * do not capture a stack trace each (two Error objects per JetStream publish: 5 % of a busy
 * relay's time in the profiles); errors still say what failed.
 */
export function natsConnectionOptions(name: string, servers: string): ConnectionOptions {
  return { servers, name, maxReconnectAttempts: -1, noAsyncTraces: true };
}
