import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { isMainModule } from '@cs/observability';
import { ComplaintsModule, type ComplaintsModuleOptions } from './complaints.module.js';

/** The complaints service: RPC, projections, SLA timers, consumers and relay; HTTP only for probes and metrics. */
export function createComplaintsService(options: ComplaintsModuleOptions = {}) {
  return createServiceApp('complaints', ComplaintsModule.forRoot(options), options.logging ?? true);
}

if (isMainModule(import.meta.url)) {
  await runServiceProcess('complaints', () => createComplaintsService(), 3102);
}
