import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { isMainModule } from '@cs/observability';
import { healthPort } from '@cs/platform';
import { GiftsModule, type GiftsModuleOptions } from './gifts.module.js';

export { giftsConfigFromEnv as configFromEnv } from './config/gifts.config.js';

/** The gifts service: RPC, projections, arrival and expiry timers, consumers and relay; HTTP only for probes and metrics. */
export function createService(options: GiftsModuleOptions = {}) {
  return createServiceApp('gifts', GiftsModule.forRoot(options), options.logging ?? true);
}

if (isMainModule(import.meta.url)) {
  await runServiceProcess('gifts', () => createService(), healthPort('gifts'));
}
