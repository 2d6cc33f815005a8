import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MembersRpc } from '@cs/contracts';
import type { Clock } from '@cs/eventstore';
import { serviceModuleBase, ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { membersConfigFromEnv, type MembersConfig } from './config/members.config.js';
import { MemberReadModels1735689600100 } from './migrations/1735689600100-member-read-models.js';
import { MemberListRow } from './projections/member-list/member-list.entity.js';
import { memberListProjection } from './projections/member-list/member-list.projection.js';
import { membersPublicationMap } from './publication/members.publication-map.js';
import { MemberCommandsHandler } from './rpc/member-commands.handler.js';
import { MemberQueriesHandler } from './rpc/member-queries.handler.js';
import { MEMBERS_CONFIG } from './members.tokens.js';
import { LOYALTY_PROVIDERS, LoyaltyRuntime } from './loyalty.wiring.js';
import { LoyaltyReadModels1735689600200 } from './migrations/1735689600200-loyalty-read-models.js';
import { loyaltyPublicationMap } from './publication/loyalty.publication-map.js';

export interface MembersModuleOptions {
  config?: MembersConfig;
  clock?: Clock;
  org?: OrgDirectory;
  logging?: boolean;
}

/** Wires the RPC handlers, the projections and the relay onto the service host. */
@Injectable()
class MembersRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly host: ServiceHost,
    private readonly commands: MemberCommandsHandler,
    private readonly queries: MemberQueriesHandler,
    @Inject(MEMBERS_CONFIG) private readonly config: MembersConfig,
    private readonly loyalty: LoyaltyRuntime,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const h = this.host;
    h.handleRpc(MembersRpc.SubmitApplication, (p, c) => this.commands.submit(p, c));
    h.handleRpc(MembersRpc.ReviewApplication, (p, c) => this.commands.review(p, c));
    h.handleRpc(MembersRpc.SupplementApplication, (p, c) => this.commands.supplement(p, c));
    h.handleRpc(MembersRpc.GetMember, (p, c) => this.queries.get(p, c));
    h.handleRpc(MembersRpc.ListMembers, (p, c) => this.queries.list(p, c));
    h.handleRpc(MembersRpc.ReviewQueue, (p, c) => this.queries.reviewQueue(p, c));
    h.handleRpc(MembersRpc.MemberHistory, (p, c) => this.queries.history(p, c));
    h.addProcessor(memberListProjection(this.config.reviewTimezone));
    this.loyalty.register((type) => this.moduleRef.get(type));
    await h.startProcessing();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}

@Module({})
export class MembersModule {
  static forRoot(options: MembersModuleOptions = {}): DynamicModule {
    const config = options.config ?? membersConfigFromEnv();
    const base = serviceModuleBase(
      {
        config,
        clock: options.clock,
        logging: options.logging,
        entities: [MemberListRow],
        migrations: [MemberReadModels1735689600100, LoyaltyReadModels1735689600200],
        publications: async (e, c) => [...membersPublicationMap(e), ...(await loyaltyPublicationMap(e, c))],
      },
      options.org,
    );
    return {
      module: MembersModule,
      imports: base.imports,
      controllers: base.controllers,
      providers: [
        ...base.providers,
        { provide: MEMBERS_CONFIG, useValue: config },
        MemberCommandsHandler,
        MemberQueriesHandler,
        ...LOYALTY_PROVIDERS,
        MembersRuntime,
      ],
    };
  }
}
