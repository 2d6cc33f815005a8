import { Module, type DynamicModule } from '@nestjs/common';
import { MembersRpc } from '@cs/contracts';
import { serviceModule, type ServiceDefinition, type ServiceModuleOptions } from '@cs/nest-common';
import { membersConfigFromEnv, type MembersConfig } from './config/members.config.js';
import { MemberReadModels1735689600100 } from './migrations/1735689600100-member-read-models.js';
import { MemberListRow } from './projections/member-list/member-list.entity.js';
import { memberListProjection } from './projections/member-list/member-list.projection.js';
import { membersPublicationMap } from './publication/members.publication-map.js';
import { MemberCommandsHandler } from './rpc/member-commands.handler.js';
import { MemberQueriesHandler } from './rpc/member-queries.handler.js';
import { MEMBERS_CONFIG } from './members.tokens.js';

export type MembersModuleOptions = ServiceModuleOptions<MembersConfig>;

/** The members service: its storage, its RPC handlers, the member list projection and the relay. */
export const membersService: ServiceDefinition<MembersConfig> = {
  config: membersConfigFromEnv,
  configToken: MEMBERS_CONFIG,
  entities: [MemberListRow],
  migrations: [MemberReadModels1735689600100],
  publications: membersPublicationMap,
  providers: [MemberCommandsHandler, MemberQueriesHandler],
  rpc: (get) => {
    const commands = get(MemberCommandsHandler);
    const queries = get(MemberQueriesHandler);
    return {
      [MembersRpc.SubmitApplication]: (p, c) => commands.submit(p, c),
      [MembersRpc.ReviewApplication]: (p, c) => commands.review(p, c),
      [MembersRpc.SupplementApplication]: (p, c) => commands.supplement(p, c),
      [MembersRpc.GetMember]: (p, c) => queries.get(p, c),
      [MembersRpc.ListMembers]: (p, c) => queries.list(p, c),
      [MembersRpc.ReviewQueue]: (p, c) => queries.reviewQueue(p, c),
      [MembersRpc.MemberHistory]: (p, c) => queries.history(p, c),
    };
  },
  processors: (config) => [memberListProjection(config.reviewTimezone)],
};

@Module({})
export class MembersModule {
  static forRoot(options: MembersModuleOptions = {}): DynamicModule {
    return serviceModule(MembersModule, membersService, options);
  }
}
