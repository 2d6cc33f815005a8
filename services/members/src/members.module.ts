import { Module, type DynamicModule } from '@nestjs/common';
import { MembersProfileRpc, MembersRpc } from '@cs/contracts';
import type { RpcContext } from '@cs/messaging';
import { serviceModule, type ProviderLookup, type ServiceDefinition, type ServiceModuleOptions } from '@cs/nest-common';
import { membersConfigFromEnv, type MembersConfig } from './config/members.config.js';
import { MemberReadModels1735689600100 } from './migrations/1735689600100-member-read-models.js';
import { MemberListRow } from './projections/member-list/member-list.entity.js';
import { memberListProjection } from './projections/member-list/member-list.projection.js';
import { membersPublicationMap } from './publication/members.publication-map.js';
import { MemberCommandsHandler } from './rpc/member-commands.handler.js';
import { MemberQueriesHandler } from './rpc/member-queries.handler.js';
import { MemberProfileHandler } from './rpc/member-profile.handler.js';
import { MEMBERS_CONFIG } from './members.tokens.js';
import { LOYALTY_PROVIDERS, loyaltyConsumers, loyaltyProcessors, loyaltyRpc, loyaltyTimers } from './loyalty.wiring.js';
import { LoyaltyReadModels1735689600200 } from './migrations/1735689600200-loyalty-read-models.js';
import { loyaltyPublicationMap } from './publication/loyalty.publication-map.js';
import { MemberDataKeys1735689600300 } from './migrations/1735689600300-member-data-keys.js';
import { LoyaltyParkedRefunds1735689600400 } from './migrations/1735689600400-loyalty-parked-refunds.js';
import { MemberProfileFields1735689600600 } from './migrations/1735689600600-member-profile-fields.js';
import { BirthdayGreetingErasable1735689600500 } from './migrations/1735689600500-birthday-greeting-erasable.js';
import { personalDataCodec } from './personal-data/personal-data.codec.js';

export type MembersModuleOptions = ServiceModuleOptions<MembersConfig>;

/**
 * The loyalty processors and consumers act through the service's providers, while the wiring
 * gives processors only the config: they resolve providers from the lookup the runtime hands
 * `rpc`, which it calls first, before any processor or consumer is built or runs.
 */
let lookup: ProviderLookup | undefined;
const provider: ProviderLookup = (type) => {
  if (!lookup) throw new Error('the members providers are not resolved yet');
  return lookup(type);
};

/** The members service: registration and review, and the loyalty programme (points, tiers, lists, analyses). */
export const membersService: ServiceDefinition<MembersConfig> = {
  config: membersConfigFromEnv,
  configToken: MEMBERS_CONFIG,
  entities: [MemberListRow],
  migrations: [MemberReadModels1735689600100, LoyaltyReadModels1735689600200, MemberDataKeys1735689600300, LoyaltyParkedRefunds1735689600400, BirthdayGreetingErasable1735689600500, MemberProfileFields1735689600600],
  codec: personalDataCodec,
  publications: async (event, context) => [...membersPublicationMap(event), ...(await loyaltyPublicationMap(event, context))],
  providers: [MemberCommandsHandler, MemberQueriesHandler, MemberProfileHandler, ...LOYALTY_PROVIDERS],
  rpc: (get) => {
    lookup = get;
    const commands = get(MemberCommandsHandler);
    const queries = get(MemberQueriesHandler);
    return {
      [MembersRpc.SubmitApplication]: (p, c) => commands.submit(p, c),
      [MembersRpc.ReviewApplication]: (p, c) => commands.review(p, c),
      [MembersRpc.SupplementApplication]: (p, c) => commands.supplement(p, c),
      [MembersRpc.GetMember]: (p, c) => queries.get(p, c),
      [MembersRpc.ListMembers]: (p, c) => queries.list(p, c),
      [MembersRpc.ReviewQueue]: (p, c) => queries.reviewQueue(p, c),
      [MembersRpc.ProfileCompleteness]: (p, c) => queries.completeness(p, c),
      [MembersRpc.MemberHistory]: (p, c) => queries.history(p, c),
      ...profileRpc(get(MemberProfileHandler)),
      ...loyaltyRpc(get),
    };
  },
  processors: (config) => [memberListProjection(config.reviewTimezone), ...loyaltyProcessors(provider)],
  consumers: loyaltyConsumers(provider),
  timers: (get) => loyaltyTimers(get),
};

function profileRpc(profile: MemberProfileHandler) {
  return {
    [MembersProfileRpc.ChangeContact]: (p: unknown, c: RpcContext) => profile.changeContact(p, c),
    [MembersProfileRpc.UpdatePreferences]: (p: unknown, c: RpcContext) => profile.updatePreferences(p, c),
    [MembersProfileRpc.UpdateConsent]: (p: unknown, c: RpcContext) => profile.updateConsent(p, c),
    [MembersProfileRpc.RecordIdentityCheck]: (p: unknown, c: RpcContext) => profile.recordIdentityCheck(p, c),
    [MembersProfileRpc.CloseMembership]: (p: unknown, c: RpcContext) => profile.close(p, c),
  };
}

@Module({})
export class MembersModule {
  static forRoot(options: MembersModuleOptions = {}): DynamicModule {
    return serviceModule(MembersModule, membersService, options);
  }
}
