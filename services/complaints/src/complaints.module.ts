import { Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ComplaintsRpc } from '@cs/contracts';
import type { Clock } from '@cs/eventstore';
import { serviceModuleBase, ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { COMPLAINTS_CONFIG } from './complaints.tokens.js';
import { complaintsConfigFromEnv, type ComplaintsConfig } from './config/complaints.config.js';
import { MemberDirectoryRow } from './inbound/member-directory/member-directory.entity.js';
import { applyMemberEvent, MEMBER_DIRECTORY_CONSUMER } from './inbound/member-directory/member-directory.consumer.js';
import { ComplaintReadModels1735689600100 } from './migrations/1735689600100-complaint-read-models.js';
import { ComplaintTeamReadModels1735689600200 } from './migrations/1735689600200-complaint-team-read-models.js';
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

export interface ComplaintsModuleOptions {
  config?: ComplaintsConfig;
  clock?: Clock;
  org?: OrgDirectory;
  logging?: boolean;
}

/** Wires RPC, projections, the SLA schedule, the member directory consumer and the relay. */
@Injectable()
class ComplaintsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly host: ServiceHost,
    private readonly filing: FileComplaintHandler,
    private readonly actions: ComplaintActionsHandler,
    private readonly queries: ComplaintQueriesHandler,
    private readonly timers: SlaTimerHandler,
    private readonly slaConfig: SlaConfigHandler,
    private readonly team: TeamWiring,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const h = this.host;
    h.handleRpc(ComplaintsRpc.FileComplaint, (p, c) => this.filing.file(p, c));
    for (const subject of Object.keys(COMPLAINT_ACTIONS)) h.handleRpc(subject, (p, c) => this.actions.run(subject, p, c));
    h.handleRpc(ComplaintsRpc.GetComplaint, (p, c) => this.queries.get(p, c));
    h.handleRpc(ComplaintsRpc.ListComplaints, (p, c) => this.queries.list(p, c));
    h.handleRpc(ComplaintsRpc.ComplaintHistory, (p, c) => this.queries.history(p, c));
    h.handleRpc(ComplaintsRpc.ListSlaPolicies, (p, c) => this.slaConfig.listPolicies(p, c));
    h.handleRpc(ComplaintsRpc.DefineSlaPolicy, (p, c) => this.slaConfig.definePolicy(p, c));
    h.handleRpc(ComplaintsRpc.GetWorkingCalendar, (p, c) => this.slaConfig.getCalendar(p, c));
    h.handleRpc(ComplaintsRpc.DefineWorkingCalendar, (p, c) => this.slaConfig.defineCalendar(p, c));
    h.handleRpc(ComplaintsRpc.GetSlaPolicy, (p, c) => this.slaConfig.getPolicy(p, c));
    h.handleRpc(ComplaintsRpc.SlaPolicyHistory, (p, c) => this.slaConfig.policyHistory(p, c));
    h.handleRpc(ComplaintsRpc.WorkingCalendarHistory, (p, c) => this.slaConfig.calendarHistory(p, c));
    h.addProcessor(complaintListProjection);
    h.addProcessor(slaTimersProcessor);
    h.addConsumer({
      consumerId: MEMBER_DIRECTORY_CONSUMER,
      stream: h.eventStream('members'),
      filterSubject: 'members.evt.>',
      handle: applyMemberEvent,
    });
    this.team.register(h);
    h.setTimerHandler(async (timer) => {
      if (!(await this.team.fire(timer))) await this.timers.fire(timer);
    });
    await h.startProcessing();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}

@Module({})
export class ComplaintsModule {
  static forRoot(options: ComplaintsModuleOptions = {}): DynamicModule {
    const config = options.config ?? complaintsConfigFromEnv();
    const team = config.team ?? complaintsTeamConfigFromEnv();
    const teamPublications = complaintsTeamPublications(() => team.roster);
    const base = serviceModuleBase(
      {
        config,
        clock: options.clock,
        logging: options.logging,
        entities: [ComplaintListRow, MemberDirectoryRow],
        migrations: [ComplaintReadModels1735689600100, ComplaintTeamReadModels1735689600200],
        publications: async (recorded, context) => [...(await complaintsPublicationMap(recorded, context)), ...(await teamPublications(recorded, context))],
      },
      options.org,
    );
    return {
      module: ComplaintsModule,
      imports: base.imports,
      controllers: base.controllers,
      providers: [
        ...base.providers,
        { provide: COMPLAINTS_CONFIG, useValue: config },
        { provide: COMPLAINTS_TEAM_CONFIG, useValue: team },
        ...TEAM_PROVIDERS,
        TeamWiring,
        RepeatFinder,
        SlaConfigService,
        SlaConfigHandler,
        FileComplaintHandler,
        ComplaintActionsHandler,
        ComplaintQueriesHandler,
        SlaTimerHandler,
        ComplaintsRuntime,
      ],
    };
  }
}
