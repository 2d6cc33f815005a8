import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { MembersModule, type MembersModuleOptions } from './members.module.js';

/** The members service: RPC, projections and relay; HTTP only for probes and metrics. */
export function createMembersService(options: MembersModuleOptions = {}) {
  return createServiceApp('members', MembersModule.forRoot(options), options.logging ?? true);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runServiceProcess('members', () => createMembersService(), 3101);
}
