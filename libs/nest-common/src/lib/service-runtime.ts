import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Processor, Timer } from '@cs/eventstore';
import type { DurableConsumerOptions, RpcHandler } from '@cs/messaging';
import type { ServiceConfig } from './service-config.js';
import { ServiceHost } from './service-host.js';
import type { OrmTx } from './typeorm-tx.js';

/** Looks up one of the service's providers. */
export type ProviderLookup = <T>(type: Type<T>) => T;

/**
 * A consumer of another service's events (`producer` names the stream it reads), or of a stream
 * the service provisions itself (`stream`, its name before the environment's prefix: e.g. a
 * command inbox other services publish to).
 */
export type ServiceConsumer = Omit<DurableConsumerOptions<OrmTx>, 'transact' | 'stream'> & ({ producer: string } | { stream: string });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * One durable consumer per subject instead of one on a wildcard: a consumer that needs a few
 * event types of a busy stream then never pulls, claims and acknowledges the rest (NATS 2.9 has
 * one filter subject per consumer). Each is named `<consumerId>--<EventType>-v<n>`.
 */
export function consumersPerSubject(consumer: DistributiveOmit<ServiceConsumer, 'filterSubject'>, subjects: readonly string[]): ServiceConsumer[] {
  return subjects.map((subject) => {
    const [, , type, version] = subject.split('.');
    return { ...consumer, consumerId: `${consumer.consumerId}--${type}-${version}`, filterSubject: subject } as ServiceConsumer;
  });
}

/** What a service runs on its host besides the operations endpoints. */
export interface ServiceWiring<Config extends ServiceConfig = ServiceConfig> {
  /** RPC subject → handler, built from the service's providers. */
  rpc?: (get: ProviderLookup) => Record<string, RpcHandler>;
  /** Projections and other processors of the service's own log. */
  processors?: (config: Config, get: ProviderLookup) => Processor<OrmTx>[];
  /** A list, or built from the providers and configuration when the handlers need them. */
  consumers?: ServiceConsumer[] | ((get: ProviderLookup, config: Config) => ServiceConsumer[]);
  /** Fires the service's durable timers. */
  timers?: (get: ProviderLookup) => (timer: Timer) => Promise<void>;
}

export const SERVICE_WIRING = Symbol('SERVICE_WIRING');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/**
 * Registers a service's RPC handlers, processors, consumers and timer handler on its host once
 * every provider exists, starts processing, and closes the host on shutdown.
 */
@Injectable()
export class ServiceRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly host: ServiceHost,
    private readonly moduleRef: ModuleRef,
    @Inject(SERVICE_WIRING) private readonly wiring: ServiceWiring,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const get: ProviderLookup = (type) => this.moduleRef.get(type);
    const h = this.host;
    for (const [subject, handler] of Object.entries(this.wiring.rpc?.(get) ?? {})) h.handleRpc(subject, handler);
    await h.rpcSubscribed();
    for (const processor of this.wiring.processors?.(this.config, get) ?? []) h.addProcessor(processor);
    const consumers = typeof this.wiring.consumers === 'function' ? this.wiring.consumers(get, this.config) : (this.wiring.consumers ?? []);
    for (const consumer of consumers) {
      const { producer, stream, ...options } = consumer as ServiceConsumer & { producer?: string; stream?: string };
      h.addConsumer({ ...options, stream: producer !== undefined ? h.eventStream(producer) : `${h.config.streamPrefix}${stream}` });
    }
    if (this.wiring.timers) h.setTimerHandler(this.wiring.timers(get));
    await h.startProcessing();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}
