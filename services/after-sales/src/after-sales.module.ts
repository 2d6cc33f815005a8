import { Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@cs/eventstore';
import { serviceModuleBase, ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { afterSalesConfigFromEnv, type AfterSalesConfig } from './config/after-sales.config.js';
import { AfterSalesReadModels1735689600300 } from './migrations/1735689600300-after-sales-read-models.js';
import { afterSalesPublicationMap } from './publication/after-sales.publication-map.js';
import { AFTER_SALES_CONFIG } from './after-sales.tokens.js';

export interface AfterSalesModuleOptions {
  config?: AfterSalesConfig;
  clock?: Clock;
  org?: OrgDirectory;
  logging?: boolean;
}

/** Starts the service's processing (the relay for now); RPC handlers and projections register here. */
@Injectable()
class AfterSalesRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly host: ServiceHost) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.startProcessing();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}

@Module({})
export class AfterSalesModule {
  static forRoot(options: AfterSalesModuleOptions = {}): DynamicModule {
    const config = options.config ?? afterSalesConfigFromEnv();
    const base = serviceModuleBase(
      {
        config,
        clock: options.clock,
        logging: options.logging,
        entities: [],
        migrations: [AfterSalesReadModels1735689600300],
        publications: afterSalesPublicationMap,
      },
      options.org,
    );
    return {
      module: AfterSalesModule,
      imports: base.imports,
      controllers: base.controllers,
      providers: [...base.providers, { provide: AFTER_SALES_CONFIG, useValue: config }, AfterSalesRuntime],
    };
  }
}
