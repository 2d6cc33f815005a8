import { Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { GIFTS_COMMAND_STREAM, GiftsRpc } from '@cs/contracts';
import type { Clock } from '@cs/eventstore';
import { ensureEventStream } from '@cs/messaging';
import { serviceModuleBase, ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { giftsConfigFromEnv, type GiftsConfig } from './config/gifts.config.js';
import { GIFTS_CONFIG } from './gifts.tokens.js';
import { COMPENSATION_CONSUMER, compensationConsumer } from './inbound/compensation/compensation.consumer.js';
import { REDEMPTION_CONSUMER, redemptionConsumer } from './inbound/redemption/redemption.consumer.js';
import { GiftReadModels1735689600900 } from './migrations/1735689600900-gift-read-models.js';
import { giftTimersProcessor } from './projections/gift-timers/gift-timers.processor.js';
import { GIFT_VIEW_ENTITIES } from './projections/gift-views/gift-views.entities.js';
import { giftViewsProjection } from './projections/gift-views/gift-views.projection.js';
import { giftsPublicationMap } from './publication/gifts.publication-map.js';
import { CatalogueHandler } from './rpc/catalogue.handler.js';
import { DocumentQueriesHandler } from './rpc/document-queries.handler.js';
import { EntitlementHandler } from './rpc/entitlement.handler.js';
import { GiftQueriesHandler } from './rpc/gift-queries.handler.js';
import { GiftRequestHandler, REQUEST_ACTIONS } from './rpc/gift-request.handler.js';
import { IssuanceHandler } from './rpc/issuance.handler.js';
import { PLAN_ACTIONS, ProcurementHandler } from './rpc/procurement.handler.js';
import { STOCKTAKE_ACTIONS, StocktakeHandler } from './rpc/stocktake.handler.js';
import { GiftTimerHandler } from './timers/gift-timer.handler.js';

export interface GiftsModuleOptions {
  config?: GiftsConfig;
  clock?: Clock;
  org?: OrgDirectory;
  logging?: boolean;
}

/** Wires RPC, projections, the durable timers, the inbound consumers and the relay. */
@Injectable()
class GiftsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly catalogue: CatalogueHandler,
    private readonly plans: ProcurementHandler,
    private readonly requests: GiftRequestHandler,
    private readonly issuances: IssuanceHandler,
    private readonly entitlements: EntitlementHandler,
    private readonly stocktakes: StocktakeHandler,
    private readonly giftQueries: GiftQueriesHandler,
    private readonly documents: DocumentQueriesHandler,
    private readonly timers: GiftTimerHandler,
  ) {}

  private get config(): GiftsConfig {
    return this.host.config as GiftsConfig;
  }

  async onApplicationBootstrap(): Promise<void> {
    const h = this.host;
    const on = (subject: string, fn: (p: unknown, c: Parameters<Parameters<ServiceHost['handleRpc']>[1]>[1]) => Promise<unknown>) => h.handleRpc(subject, fn);
    on(GiftsRpc.DefineGift, (p, c) => this.catalogue.define(p, c));
    on(GiftsRpc.UpdateGift, (p, c) => this.catalogue.update(p, c));
    on(GiftsRpc.GetGift, (p) => this.giftQueries.getGift(p));
    on(GiftsRpc.ListGifts, (p) => this.giftQueries.listGifts(p));
    on(GiftsRpc.GiftHistory, (p) => this.giftQueries.giftHistory(p));
    on(GiftsRpc.ListGiftStock, (p, c) => this.giftQueries.listStock(p, c));
    on(GiftsRpc.WriteOffStock, (p, c) => this.issuances.writeOff(p, c));
    on(GiftsRpc.StockHistory, (p, c) => this.giftQueries.stockHistory(p, c));
    on(GiftsRpc.CreateProcurementPlan, (p, c) => this.plans.create(p, c));
    for (const subject of Object.keys(PLAN_ACTIONS)) on(subject, (p, c) => this.plans.run(subject, p, c));
    on(GiftsRpc.GetProcurementPlan, (p) => this.documents.getPlan(p));
    on(GiftsRpc.ListProcurementPlans, (p) => this.documents.listPlans(p));
    on(GiftsRpc.ProcurementPlanHistory, (p) => this.documents.planHistory(p));
    on(GiftsRpc.CreateGiftRequest, (p, c) => this.requests.create(p, c));
    on(GiftsRpc.DispatchNewStoreKit, (p, c) => this.requests.dispatchKit(p, c));
    for (const subject of Object.keys(REQUEST_ACTIONS)) on(subject, (p, c) => this.requests.run(subject, p, c));
    on(GiftsRpc.GetGiftRequest, (p, c) => this.documents.getRequest(p, c));
    on(GiftsRpc.ListGiftRequests, (p, c) => this.documents.listRequests(p, c));
    on(GiftsRpc.GiftRequestHistory, (p, c) => this.documents.requestHistory(p, c));
    on(GiftsRpc.IssueGift, (p, c) => this.issuances.issue(p, c));
    on(GiftsRpc.ReverseIssuance, (p, c) => this.issuances.reverse(p, c));
    on(GiftsRpc.GetIssuance, (p, c) => this.giftQueries.getIssuance(p, c));
    on(GiftsRpc.ListIssuances, (p, c) => this.giftQueries.listIssuances(p, c));
    on(GiftsRpc.IssuanceHistory, (p, c) => this.giftQueries.issuanceHistory(p, c));
    on(GiftsRpc.IssueEntitlement, (p, c) => this.entitlements.issue(p, c));
    on(GiftsRpc.VoidEntitlement, (p, c) => this.entitlements.void(p, c));
    on(GiftsRpc.GetEntitlement, (p) => this.documents.getEntitlement(p));
    on(GiftsRpc.ListEntitlements, (p) => this.documents.listEntitlements(p));
    on(GiftsRpc.EntitlementHistory, (p) => this.documents.entitlementHistory(p));
    on(GiftsRpc.StartStocktake, (p, c) => this.stocktakes.start(p, c));
    for (const subject of Object.keys(STOCKTAKE_ACTIONS)) on(subject, (p, c) => this.stocktakes.run(subject, p, c));
    on(GiftsRpc.GetStocktake, (p, c) => this.documents.getStocktake(p, c));
    on(GiftsRpc.ListStocktakes, (p, c) => this.documents.listStocktakes(p, c));
    on(GiftsRpc.StocktakeHistory, (p, c) => this.documents.stocktakeHistory(p, c));
    on(GiftsRpc.StocktakeSummary, (p) => this.documents.summary(p));
    on(GiftsRpc.StocktakeWatchList, (p) => this.documents.watchList(p));

    h.addProcessor(giftViewsProjection);
    h.addProcessor(giftTimersProcessor);
    h.addConsumer({
      consumerId: COMPENSATION_CONSUMER,
      stream: h.eventStream('complaints'),
      filterSubject: 'complaints.evt.ComplaintCompensationGranted.v1',
      handle: compensationConsumer(h, this.config),
    });
    // the command stream is the gifts service's inbox: it exists as soon as gifts runs
    await ensureEventStream(h.jsm, {
      name: `${h.config.streamPrefix}${GIFTS_COMMAND_STREAM.name}`,
      subjects: GIFTS_COMMAND_STREAM.subjects.map((s) => `${h.config.subjectPrefix}${s}`),
      replicas: h.config.streamReplicas ?? 1,
    });
    h.addConsumer({
      consumerId: REDEMPTION_CONSUMER,
      stream: `${h.config.streamPrefix}${GIFTS_COMMAND_STREAM.name}`,
      filterSubject: 'gifts.cmd.IssueRedemptionGift.v1',
      handle: redemptionConsumer(h, this.org, this.config),
    });
    h.setTimerHandler((timer) => this.timers.fire(timer));
    await h.startProcessing();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.close();
  }
}

@Module({})
export class GiftsModule {
  static forRoot(options: GiftsModuleOptions = {}): DynamicModule {
    const config = options.config ?? giftsConfigFromEnv();
    const base = serviceModuleBase(
      {
        config,
        clock: options.clock,
        logging: options.logging,
        entities: GIFT_VIEW_ENTITIES,
        migrations: [GiftReadModels1735689600900],
        publications: giftsPublicationMap,
      },
      options.org,
    );
    return {
      module: GiftsModule,
      imports: base.imports,
      controllers: base.controllers,
      providers: [
        ...base.providers,
        { provide: GIFTS_CONFIG, useValue: config },
        CatalogueHandler,
        ProcurementHandler,
        GiftRequestHandler,
        IssuanceHandler,
        EntitlementHandler,
        StocktakeHandler,
        GiftQueriesHandler,
        DocumentQueriesHandler,
        GiftTimerHandler,
        GiftsRuntime,
      ],
    };
  }
}
