import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { isMainModule } from '@cs/observability';
import { healthPort } from '@cs/platform';
import { AfterSalesModule, type AfterSalesModuleOptions } from './after-sales.module.js';

export { afterSalesConfigFromEnv as configFromEnv } from './config/after-sales.config.js';

/** The after-sales service (returns, exchanges, repairs): RPC and processors; HTTP only for probes and metrics. */
export function createService(options: AfterSalesModuleOptions = {}) {
  return createServiceApp('after-sales', AfterSalesModule.forRoot(options), options.logging ?? true);
}

if (isMainModule(import.meta.url)) {
  await runServiceProcess('after-sales', () => createService(), healthPort('after-sales'));
}
