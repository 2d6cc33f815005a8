import { Module, type DynamicModule } from '@nestjs/common';
import { AfterSalesRpc } from '@cs/contracts';
import {
  memberDirectoryConsumer,
  MemberDirectoryRow,
  serviceModule,
  type ServiceDefinition,
  type ServiceModuleOptions,
} from '@cs/nest-common';
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
import { AFTER_SALES_ACTIONS } from './rpc/after-sales-actions.js';
import { RequestActionsHandler } from './rpc/request-actions.handler.js';
import { RequestFiling } from './rpc/request-filing.js';
import { RepairTimerHandler } from './timers/repair-timer.handler.js';

export type AfterSalesModuleOptions = ServiceModuleOptions<AfterSalesConfig>;

/**
 * The after-sales service: returns, exchanges and repairs with their RPC handlers, the request
 * list and return register, the repair schedule, the member directory and the complaint
 * compensation consumers, and the relay.
 */
export const afterSalesService: ServiceDefinition<AfterSalesConfig> = {
  config: afterSalesConfigFromEnv,
  configToken: AFTER_SALES_CONFIG,
  entities: [AfterSalesListRow, ReturnRegisterRow, MemberDirectoryRow],
  migrations: [AfterSalesReadModels1735689600300, AfterSalesRequests1735689600310],
  publications: afterSalesPublicationMap,
  providers: [
    { provide: AFTER_SALES_DEFAULT_TERMS, useFactory: (config: AfterSalesConfig) => config.terms, inject: [AFTER_SALES_CONFIG] },
    AfterSalesTermsService,
    AfterSalesPolicyHandler,
    RequestFiling,
    FileRequestHandler,
    RequestActionsHandler,
    AfterSalesQueriesHandler,
    RepairTimerHandler,
    ComplaintCompensationConsumer,
  ],
  rpc: (get) => {
    const actions = get(RequestActionsHandler);
    const queries = get(AfterSalesQueriesHandler);
    const policy = get(AfterSalesPolicyHandler);
    return {
      [AfterSalesRpc.FileRequest]: (p, c) => get(FileRequestHandler).file(p, c),
      ...Object.fromEntries(Object.keys(AFTER_SALES_ACTIONS).map((subject) => [subject, (p: unknown, c: Parameters<RequestActionsHandler['run']>[2]) => actions.run(subject, p, c)])),
      [AfterSalesRpc.GetRequest]: (p, c) => queries.get(p, c),
      [AfterSalesRpc.ListRequests]: (p, c) => queries.list(p, c),
      [AfterSalesRpc.RequestHistory]: (p, c) => queries.history(p, c),
      [AfterSalesRpc.ReturnRegister]: (p, c) => queries.returnRegister(p, c),
      [AfterSalesRpc.GetPolicy]: (p, c) => policy.get(p, c),
      [AfterSalesRpc.DefinePolicy]: (p, c) => policy.define(p, c),
      [AfterSalesRpc.PolicyHistory]: (p, c) => policy.history(p, c),
    };
  },
  processors: () => [afterSalesListProjection, returnRegisterProjection, repairTimersProcessor],
  consumers: (get) => [
    memberDirectoryConsumer('after-sales'),
    {
      consumerId: COMPLAINT_COMPENSATION_CONSUMER,
      producer: 'complaints',
      filterSubject: COMPLAINT_COMPENSATION_SUBJECT,
      handle: (envelope) => get(ComplaintCompensationConsumer).apply(envelope),
    },
  ],
  timers: (get) => (timer) => get(RepairTimerHandler).fire(timer),
};

@Module({})
export class AfterSalesModule {
  static forRoot(options: AfterSalesModuleOptions = {}): DynamicModule {
    return serviceModule(AfterSalesModule, afterSalesService, options);
  }
}
