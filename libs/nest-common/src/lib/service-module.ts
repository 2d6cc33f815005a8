import type { DynamicModule, FactoryProvider, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Clock } from '@cs/eventstore';
import { OrgDirectory } from '@cs/org';
import { OperationsController } from './operations/operations.controller.js';
import type { ServiceConfig } from './service-config.js';
import { ServiceHost, type ServiceHostOptions } from './service-host.js';
import { SERVICE_CONFIG, SERVICE_WIRING, ServiceRuntime, type ServiceWiring } from './service-runtime.js';

/** What a caller (main, a test) may choose when it starts a service module. */
export interface ServiceModuleOptions<Config extends ServiceConfig> {
  config?: Config;
  clock?: Clock;
  org?: OrgDirectory;
  /** false silences the service's JSON logs (tests). */
  logging?: boolean;
}

/** What a service is: its storage, its providers and what runs on its host. */
export interface ServiceDefinition<Config extends ServiceConfig> extends ServiceWiring<Config>, Omit<ServiceHostOptions, 'config' | 'clock' | 'logging'> {
  /** The configuration used when the caller gives none (read from the environment). */
  config: () => Config;
  /** The token the service's own providers inject the configuration under. */
  configToken: symbol | string;
  /** RPC handlers and the services they use. */
  providers: Provider[];
}

/**
 * A service's DynamicModule: its ServiceHost (opened before anything else resolves: database,
 * migrations, NATS), the org directory, the operations endpoints, the configuration, its
 * providers, and a runtime that registers its handlers and processors and starts processing.
 */
export function serviceModule<Config extends ServiceConfig>(
  module: Type,
  definition: ServiceDefinition<Config>,
  options: ServiceModuleOptions<Config> = {},
): DynamicModule {
  const { config: defaultConfig, configToken, providers, rpc, processors, consumers, timers, ...storage } = definition;
  const config = options.config ?? defaultConfig();
  const base = serviceModuleBase({ ...storage, config, clock: options.clock, logging: options.logging }, options.org);
  const wiring: ServiceWiring<Config> = { rpc, processors, consumers, timers };
  return {
    module,
    imports: base.imports,
    controllers: base.controllers,
    providers: [
      ...base.providers,
      { provide: configToken, useValue: config },
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: SERVICE_WIRING, useValue: wiring },
      ...providers,
      ServiceRuntime,
    ],
  };
}

/**
 * The providers and imports every service module starts from: its ServiceHost, the org
 * directory, and the operations endpoints. `serviceModule` builds on it.
 */
export function serviceModuleBase(
  host: ServiceHostOptions,
  org?: OrgDirectory,
): Required<Pick<ModuleMetadata, 'imports'>> & { providers: Provider[]; controllers: Type[] } {
  const hostProvider: FactoryProvider<ServiceHost> = {
    provide: ServiceHost,
    useFactory: async () => {
      const opened = new ServiceHost(host);
      await opened.open();
      return opened;
    },
  };
  return {
    imports: [TerminusModule],
    controllers: [OperationsController],
    providers: [hostProvider, { provide: OrgDirectory, useValue: org ?? OrgDirectory.fromEnv() }],
  };
}
