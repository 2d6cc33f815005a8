import { Module, type DynamicModule } from '@nestjs/common';
import { complaintCompensationGrantedV1, GIFTS_COMMAND_STREAM, GiftsRpc, issueRedemptionGiftV1 } from '@cs/contracts';
import type { RpcHandler } from '@cs/messaging';
import { serviceModule, type ProviderLookup, type ServiceDefinition, type ServiceModuleOptions } from '@cs/nest-common';
import { giftsConfigFromEnv, type GiftsConfig } from './config/gifts.config.js';
import { GIFTS_CONFIG } from './gifts.tokens.js';
import { COMPENSATION_CONSUMER, CompensationConsumer } from './inbound/compensation/compensation.consumer.js';
import { GiftsCommandInbox } from './inbound/redemption/command-inbox.js';
import { REDEMPTION_CONSUMER, RedemptionConsumer } from './inbound/redemption/redemption.consumer.js';
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

export type GiftsModuleOptions = ServiceModuleOptions<GiftsConfig>;

/** Every RPC subject → its handler method. */
function giftsRpc(get: ProviderLookup): Record<string, RpcHandler> {
  const catalogue = get(CatalogueHandler);
  const plans = get(ProcurementHandler);
  const requests = get(GiftRequestHandler);
  const issuances = get(IssuanceHandler);
  const entitlements = get(EntitlementHandler);
  const stocktakes = get(StocktakeHandler);
  const gifts = get(GiftQueriesHandler);
  const documents = get(DocumentQueriesHandler);
  const actions = (map: Record<string, unknown>, run: (subject: string) => RpcHandler) => Object.fromEntries(Object.keys(map).map((s) => [s, run(s)]));
  return {
    [GiftsRpc.DefineGift]: (p, c) => catalogue.define(p, c),
    [GiftsRpc.UpdateGift]: (p, c) => catalogue.update(p, c),
    [GiftsRpc.GetGift]: (p) => gifts.getGift(p),
    [GiftsRpc.ListGifts]: (p) => gifts.listGifts(p),
    [GiftsRpc.GiftHistory]: (p) => gifts.giftHistory(p),
    [GiftsRpc.ListGiftStock]: (p, c) => gifts.listStock(p, c),
    [GiftsRpc.StockHistory]: (p, c) => gifts.stockHistory(p, c),
    [GiftsRpc.WriteOffStock]: (p, c) => issuances.writeOff(p, c),
    [GiftsRpc.CreateProcurementPlan]: (p, c) => plans.create(p, c),
    ...actions(PLAN_ACTIONS, (s) => (p, c) => plans.run(s, p, c)),
    [GiftsRpc.GetProcurementPlan]: (p) => documents.getPlan(p),
    [GiftsRpc.ListProcurementPlans]: (p) => documents.listPlans(p),
    [GiftsRpc.ProcurementPlanHistory]: (p) => documents.planHistory(p),
    [GiftsRpc.CreateGiftRequest]: (p, c) => requests.create(p, c),
    [GiftsRpc.DispatchNewStoreKit]: (p, c) => requests.dispatchKit(p, c),
    ...actions(REQUEST_ACTIONS, (s) => (p, c) => requests.run(s, p, c)),
    [GiftsRpc.GetGiftRequest]: (p, c) => documents.getRequest(p, c),
    [GiftsRpc.ListGiftRequests]: (p, c) => documents.listRequests(p, c),
    [GiftsRpc.GiftRequestHistory]: (p, c) => documents.requestHistory(p, c),
    [GiftsRpc.IssueGift]: (p, c) => issuances.issue(p, c),
    [GiftsRpc.ReverseIssuance]: (p, c) => issuances.reverse(p, c),
    [GiftsRpc.GetIssuance]: (p, c) => gifts.getIssuance(p, c),
    [GiftsRpc.ListIssuances]: (p, c) => gifts.listIssuances(p, c),
    [GiftsRpc.IssuanceHistory]: (p, c) => gifts.issuanceHistory(p, c),
    [GiftsRpc.IssueEntitlement]: (p, c) => entitlements.issue(p, c),
    [GiftsRpc.VoidEntitlement]: (p, c) => entitlements.void(p, c),
    [GiftsRpc.GetEntitlement]: (p) => documents.getEntitlement(p),
    [GiftsRpc.ListEntitlements]: (p) => documents.listEntitlements(p),
    [GiftsRpc.EntitlementHistory]: (p) => documents.entitlementHistory(p),
    [GiftsRpc.StartStocktake]: (p, c) => stocktakes.start(p, c),
    ...actions(STOCKTAKE_ACTIONS, (s) => (p, c) => stocktakes.run(s, p, c)),
    [GiftsRpc.GetStocktake]: (p, c) => documents.getStocktake(p, c),
    [GiftsRpc.ListStocktakes]: (p, c) => documents.listStocktakes(p, c),
    [GiftsRpc.StocktakeHistory]: (p, c) => documents.stocktakeHistory(p, c),
    [GiftsRpc.StocktakeSummary]: (p) => documents.summary(p),
    [GiftsRpc.StocktakeWatchList]: (p) => documents.watchList(p),
  };
}

/** The gifts service: its storage, RPC handlers, views, durable timers, consumers and the relay. */
export const giftsService: ServiceDefinition<GiftsConfig> = {
  config: giftsConfigFromEnv,
  configToken: GIFTS_CONFIG,
  entities: GIFT_VIEW_ENTITIES,
  migrations: [GiftReadModels1735689600900],
  publications: giftsPublicationMap,
  providers: [
    CatalogueHandler,
    ProcurementHandler,
    GiftRequestHandler,
    IssuanceHandler,
    EntitlementHandler,
    StocktakeHandler,
    GiftQueriesHandler,
    DocumentQueriesHandler,
    GiftTimerHandler,
    CompensationConsumer,
    RedemptionConsumer,
    GiftsCommandInbox,
  ],
  rpc: giftsRpc,
  processors: () => [giftViewsProjection, giftTimersProcessor],
  consumers: (get) => [
    {
      consumerId: COMPENSATION_CONSUMER,
      producer: 'complaints',
      filterSubject: complaintCompensationGrantedV1.subject,
      handle: (envelope) => get(CompensationConsumer).handle(envelope),
    },
    {
      consumerId: REDEMPTION_CONSUMER,
      stream: GIFTS_COMMAND_STREAM.name,
      filterSubject: issueRedemptionGiftV1.subject,
      handle: (envelope) => get(RedemptionConsumer).handle(envelope),
    },
  ],
  timers: (get) => (timer) => get(GiftTimerHandler).fire(timer),
};

@Module({})
export class GiftsModule {
  static forRoot(options: GiftsModuleOptions = {}): DynamicModule {
    return serviceModule(GiftsModule, giftsService, options);
  }
}
