import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { isMainModule } from '@cs/observability';
import { healthPort } from '@cs/platform';
import { ComplaintsModule, type ComplaintsModuleOptions } from './complaints.module.js';

export { complaintsConfigFromEnv as configFromEnv } from './config/complaints.config.js';

/** The complaints service: RPC, projections, SLA timers, consumers and relay; HTTP only for probes and metrics. */
export function createService(options: ComplaintsModuleOptions = {}) {
  return createServiceApp('complaints', ComplaintsModule.forRoot(options), options.logging ?? true);
}

/** The factory's former name, kept for the tests that use it. */
export const createComplaintsService = createService;

if (isMainModule(import.meta.url)) {
  await runServiceProcess('complaints', () => createService(), healthPort('complaints'));
}
