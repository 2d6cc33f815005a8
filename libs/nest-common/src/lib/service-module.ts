import type { FactoryProvider, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OrgDirectory } from '@cs/org';
import { OperationsController } from './operations/operations.controller.js';
import { ServiceHost, type ServiceHostOptions } from './service-host.js';

/**
 * The providers and imports every service module starts from: its ServiceHost (opened before
 * anything else resolves: database, migrations, NATS), the org directory, and the operations
 * endpoints. The service adds its handlers and a runtime that registers them.
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
