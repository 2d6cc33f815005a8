import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { testNatsUrl } from './infra.js';

/**
 * Deletes the JetStream streams (and so their consumers) a test created under its prefix, so the
 * shared server does not collect them run after run.
 */
export async function deleteStreams(streamPrefix: string, natsUrl = testNatsUrl()): Promise<void> {
  if (!streamPrefix) throw new Error('Refusing to delete streams without a prefix');
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (name.startsWith(streamPrefix)) names.push(name);
    for (const name of names) await jsm.streams.delete(name).catch(() => undefined);
  } finally {
    await nc.close();
  }
}
