import { createServiceApp, runServiceProcess } from '@cs/nest-common';
import { isMainModule } from '@cs/observability';
import { healthPort } from '@cs/platform';
import { MembersModule, type MembersModuleOptions } from './members.module.js';

export { membersConfigFromEnv as configFromEnv } from './config/members.config.js';

/** The members service: RPC, projections and relay; HTTP only for probes and metrics. */
export function createService(options: MembersModuleOptions = {}) {
  return createServiceApp('members', MembersModule.forRoot(options), options.logging ?? true);
}

/** The factory's former name, kept for the tests that use it. */
export const createMembersService = createService;

if (isMainModule(import.meta.url)) {
  await runServiceProcess('members', () => createService(), healthPort('members'));
}
