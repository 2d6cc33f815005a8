import { Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AfterSalesRpc } from '@cs/contracts';
import type { Clock } from '@cs/eventstore';
import { applyMemberEvent, MEMBER_EVENTS_SUBJECT, memberDirectoryConsumerId, MemberDirectoryRow, serviceModuleBase, ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { AFTER_SALES_CONFIG } from './after-sales.tokens.js';
import { afterSalesConfigFromEnv, type AfterSalesConfig } from './config/after-sales.config.js';
import {
  COMPLAINT_COMPENSATION_CONSUMER,
  COMPLAINT_COMPENSATION_SUBJECT,
  ComplaintCompensationConsumer,
} from './inbound/complaint-compensation/complaint-compensation.consumer.js';
import { AfterSalesReadModels1735689600300 } from './migrations/1735689600300-after-sales-read-models.js';
import { AfterSalesRequests1735689600310 } from './migrations/1735689600310-after-sales-requests.js';
import { AfterSalesPolicyHandler } from './policy-config/after-sales-policy.handler.js';
import { AFTER_SALES_DEFAULT_TERMS, AfterSalesTermsService } from './policy-config/after-sales-terms.service.js';
import { AfterSalesListRow } from './projections/after-sales-list/after-sales-list.entity.js';
import { afterSalesListProjection } from './projections/after-sales-list/after-sales-list.projection.js';
import { repairTimersProcessor } from './projections/repair-timers/repair-timers.processor.js';
import { ReturnRegisterRow } from './projections/return-register/return-register.entity.js';
import { returnRegisterProjection } from './projections/return-register/return-register.projection.js';
import { afterSalesPublicationMap } from './publication/after-sales.publication-map.js';
import { AfterSalesQueriesHandler } from './rpc/after-sales-queries.handler.js';
import { FileRequestHandler } from './rpc/file-request.handler.js';
import { AFTER_SALES_ACTIONS, RequestActionsHandler } from './rpc/request-actions.handler.js';
import { RequestFiling } from './rpc/request-filing.js';
import { RepairTimerHandler } from './timers/repair-timer.handler.js';

export interface AfterSalesModuleOptions {
  config?: AfterSalesConfig;
  clock?: Clock;
  org?: OrgDirectory;
  logging?: boolean;
}

/** Wires RPC, projections, the repair schedule, the compensation consumer and the relay. */
@Injectable()
class AfterSalesRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly host: ServiceHost,
    private readonly filing: FileRequestHandler,
    private readonly actions: RequestActionsHandler,
    private readonly queries: AfterSalesQueriesHandler,
    private readonly policy: AfterSalesPolicyHandler,
    private readonly timers: RepairTimerHandler,
    private readonly compensation: ComplaintCompensationConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const h = this.host;
    h.handleRpc(AfterSalesRpc.FileRequest, (p, c) => this.filing.file(p, c));
    for (const subject of Object.keys(AFTER_SALES_ACTIONS)) h.handleRpc(subject, (p, c) => this.actions.run(subject, p, c));
    h.handleRpc(AfterSalesRpc.GetRequest, (p, c) => this.queries.get(p, c));
    h.handleRpc(AfterSalesRpc.ListRequests, (p, c) => this.queries.list(p, c));
    h.handleRpc(AfterSalesRpc.RequestHistory, (p, c) => this.queries.history(p, c));
    h.handleRpc(AfterSalesRpc.ReturnRegister, (p, c) => this.queries.returnRegister(p, c));
    h.handleRpc(AfterSalesRpc.GetPolicy, (p, c) => this.policy.get(p, c));
    h.handleRpc(AfterSalesRpc.DefinePolicy, (p, c) => this.policy.define(p, c));
    h.handleRpc(AfterSalesRpc.PolicyHistory, (p, c) => this.policy.history(p, c));
    h.addProcessor(afterSalesListProjection);
    h.addProcessor(returnRegisterProjection);
    h.addProcessor(repairTimersProcessor);
    h.addConsumer({
      consumerId: memberDirectoryConsumerId('after-sales'),
      stream: h.eventStream('members'),
      filterSubject: MEMBER_EVENTS_SUBJECT,
      handle: applyMemberEvent,
    });
    h.addConsumer({
      consumerId: COMPLAINT_COMPENSATION_CONSUMER,
      stream: h.eventStream('complaints'),
      filterSubject: COMPLAINT_COMPENSATION_SUBJECT,
      handle: (envelope) => this.compensation.apply(envelope),
    });
    h.setTimerHandler((timer) => this.timers.fire(timer));
    await h.startProcessing();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}

@Module({})
export class AfterSalesModule {
  static forRoot(options: AfterSalesModuleOptions = {}): DynamicModule {
    const config = options.config ?? afterSalesConfigFromEnv();
    const base = serviceModuleBase(
      {
        config,
        clock: options.clock,
        logging: options.logging,
        entities: [AfterSalesListRow, ReturnRegisterRow, MemberDirectoryRow],
        migrations: [AfterSalesReadModels1735689600300, AfterSalesRequests1735689600310],
        publications: afterSalesPublicationMap,
      },
      options.org,
    );
    return {
      module: AfterSalesModule,
      imports: base.imports,
      controllers: base.controllers,
      providers: [
        ...base.providers,
        { provide: AFTER_SALES_CONFIG, useValue: config },
        { provide: AFTER_SALES_DEFAULT_TERMS, useValue: config.terms },
        AfterSalesTermsService,
        AfterSalesPolicyHandler,
        RequestFiling,
        FileRequestHandler,
        RequestActionsHandler,
        AfterSalesQueriesHandler,
        RepairTimerHandler,
        ComplaintCompensationConsumer,
        AfterSalesRuntime,
      ],
    };
  }
}
