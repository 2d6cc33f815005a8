import { Module, type DynamicModule } from '@nestjs/common';
import { ComplaintsRpc, giftEntitlementIssuedV1, giftIssuedV1 } from '@cs/contracts';
import type { RpcHandler } from '@cs/messaging';
import { consumersPerSubject, memberDirectoryConsumer, serviceModule, type ServiceDefinition, type ServiceModuleOptions } from '@cs/nest-common';
import { COMPLAINTS_CONFIG } from './complaints.tokens.js';
import { complaintsConfigFromEnv, type ComplaintsConfig } from './config/complaints.config.js';
import {
  AFTER_SALES_FULFILMENT_CONSUMER,
  CompensationFulfilmentConsumer,
  GIFTS_FULFILMENT_CONSUMER,
} from './inbound/compensation-fulfilment/compensation-fulfilment.consumer.js';
import { MemberDirectoryRow } from './inbound/member-directory/member-directory.entity.js';
import { ComplaintReadModels1735689600100 } from './migrations/1735689600100-complaint-read-models.js';
import { ComplaintTeamReadModels1735689600200 } from './migrations/1735689600200-complaint-team-read-models.js';
import { ComplaintNumberBlocks1735689600300 } from './migrations/1735689600300-complaint-number-blocks.js';
import { ComplaintListRow } from './projections/complaint-list/complaint-list.entity.js';
import { complaintListProjection } from './projections/complaint-list/complaint-list.projection.js';
import { slaTimersProcessor } from './projections/sla-timers/sla-timers.processor.js';
import { complaintsPublicationMap } from './publication/complaints.publication-map.js';
import { COMPLAINT_ACTIONS, ComplaintActionsHandler } from './rpc/complaint-actions.handler.js';
import { ComplaintQueriesHandler } from './rpc/complaint-queries.handler.js';
import { FileComplaintHandler } from './rpc/file-complaint.handler.js';
import { RepeatFinder } from './rpc/repeat-finder.js';
import { SlaConfigHandler } from './sla-config/sla-config.handler.js';
import { SlaConfigService } from './sla-config/sla-config.service.js';
import { SlaTimerHandler } from './timers/sla-timer.handler.js';
import { complaintsTeamConfigFromEnv, COMPLAINTS_TEAM_CONFIG } from './config/team.config.js';
import { complaintsTeamPublications } from './publication/complaints-team.publications.js';
import { TEAM_PROVIDERS, TeamWiring } from './team/team.wiring.js';

export type ComplaintsModuleOptions = ServiceModuleOptions<ComplaintsConfig>;

/**
 * The complaints service: RPC, the list projection, the SLA schedule and its timers, the member
 * directory, compensation hand-overs reported by gifts and after-sales, and the relay; and the team features (issue 11, `team/team.wiring.ts`).
 */
export const complaintsService: ServiceDefinition<ComplaintsConfig> = {
  config: complaintsConfigFromEnv,
  configToken: COMPLAINTS_CONFIG,
  entities: [ComplaintListRow, MemberDirectoryRow],
  migrations: [ComplaintReadModels1735689600100, ComplaintTeamReadModels1735689600200, ComplaintNumberBlocks1735689600300],
  publications: complaintsPublicationMap,
  providers: [
    { provide: COMPLAINTS_TEAM_CONFIG, useFactory: (config: ComplaintsConfig) => config.team ?? complaintsTeamConfigFromEnv(), inject: [COMPLAINTS_CONFIG] },
    ...TEAM_PROVIDERS,
    TeamWiring,
    RepeatFinder,
    SlaConfigService,
    SlaConfigHandler,
    FileComplaintHandler,
    ComplaintActionsHandler,
    ComplaintQueriesHandler,
    SlaTimerHandler,
    CompensationFulfilmentConsumer,
  ],
  rpc: (get) => {
    const filing = get(FileComplaintHandler);
    const actions = get(ComplaintActionsHandler);
    const queries = get(ComplaintQueriesHandler);
    const slaConfig = get(SlaConfigHandler);
    return {
      [ComplaintsRpc.FileComplaint]: (p, c) => filing.file(p, c),
      ...Object.fromEntries(Object.keys(COMPLAINT_ACTIONS).map((subject): [string, RpcHandler] => [subject, (p, c) => actions.run(subject, p, c)])),
      [ComplaintsRpc.GetComplaint]: (p, c) => queries.get(p, c),
      [ComplaintsRpc.ListComplaints]: (p, c) => queries.list(p, c),
      [ComplaintsRpc.ComplaintHistory]: (p, c) => queries.history(p, c),
      [ComplaintsRpc.ListSlaPolicies]: (p, c) => slaConfig.listPolicies(p, c),
      [ComplaintsRpc.DefineSlaPolicy]: (p, c) => slaConfig.definePolicy(p, c),
      [ComplaintsRpc.GetSlaPolicy]: (p, c) => slaConfig.getPolicy(p, c),
      [ComplaintsRpc.SlaPolicyHistory]: (p, c) => slaConfig.policyHistory(p, c),
      [ComplaintsRpc.GetWorkingCalendar]: (p, c) => slaConfig.getCalendar(p, c),
      [ComplaintsRpc.DefineWorkingCalendar]: (p, c) => slaConfig.defineCalendar(p, c),
      [ComplaintsRpc.WorkingCalendarHistory]: (p, c) => slaConfig.calendarHistory(p, c),
      ...get(TeamWiring).rpc(),
    };
  },
  processors: (_config, get) => [complaintListProjection, slaTimersProcessor, ...get(TeamWiring).processors()],
  consumers: (get) => [
    memberDirectoryConsumer('complaints'),
    ...consumersPerSubject({ consumerId: GIFTS_FULFILMENT_CONSUMER, producer: 'gifts', handle: (e) => get(CompensationFulfilmentConsumer).gifts(e) }, [
      giftIssuedV1.subject,
      giftEntitlementIssuedV1.subject,
    ]),
    {
      consumerId: AFTER_SALES_FULFILMENT_CONSUMER,
      producer: 'after-sales',
      filterSubject: 'after-sales.evt.AfterSalesCompleted.v1',
      handle: (e) => get(CompensationFulfilmentConsumer).afterSales(e),
    },
    ...get(TeamWiring).consumers(),
  ],
  timers: (get) => {
    const timers = get(SlaTimerHandler);
    const team = get(TeamWiring);
    return async (timer) => {
      if (!(await team.fire(timer))) await timers.fire(timer);
    };
  },
};

@Module({})
export class ComplaintsModule {
  static forRoot(options: ComplaintsModuleOptions = {}): DynamicModule {
    // the team's publications need the roster: configuration, known once the config is
    const config = options.config ?? complaintsService.config();
    const team = config.team ?? complaintsTeamConfigFromEnv();
    const teamPublications = complaintsTeamPublications(() => team.roster);
    const publications: NonNullable<typeof complaintsService.publications> = async (recorded, context) => [
      ...(await complaintsPublicationMap(recorded, context)),
      ...(await teamPublications(recorded, context)),
    ];
    return serviceModule(ComplaintsModule, { ...complaintsService, publications }, { ...options, config });
  }
}
