import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { isMainModule } from '@cs/observability';
import { MembersModule, type MembersModuleOptions } from './members.module.js';

/** The members service: RPC, projections and relay; HTTP only for probes and metrics. */
export function createMembersService(options: MembersModuleOptions = {}) {
  return createServiceApp('members', MembersModule.forRoot(options), options.logging ?? true);
}

if (isMainModule(import.meta.url)) {
  await runServiceProcess('members', () => createMembersService(), 3101);
}
