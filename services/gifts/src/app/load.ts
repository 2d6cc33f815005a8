import { fold, type Decider, type Event } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import type { StreamRef } from './unit-of-work.js';

/** An aggregate folded from its stream, optionally as it was at `asOf`, with its events. */
export async function loadAggregate<S, C, E extends Event>(host: ServiceHost, ref: StreamRef<S, C, E>, asOf?: string) {
  const read = await host.store.readStream(ref.streamId, { asOf: asOf ? new Date(asOf) : undefined });
  return { state: fold(ref.decider as Decider<S, C, E>, read.events as unknown as E[]), version: read.version, events: read.events };
}
