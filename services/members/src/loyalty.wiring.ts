import { Injectable, type OnModuleInit, type Provider } from '@nestjs/common';
import {
  afterSalesRefundIssuedV1,
  callbackCompletedV1,
  callbackUnreachableV1,
  giftEntitlementIssuedV1,
  giftRedemptionIssuedV1,
  giftRedemptionRefusedV1,
  GIFTS_COMMAND_STREAM,
  MembersLoyaltyRpc,
  type IntegrationEnvelope,
} from '@cs/contracts';
import type { Processor, RecordedEvent, Timer } from '@cs/eventstore';
import { ensureEventStream, RpcClient, type RpcHandler } from '@cs/messaging';
import { consumersPerSubject, ServiceHost, type OrmTx, type ProviderLookup } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { LoyaltyRulesService } from './config/loyalty-rules.service.js';
import { afterSalesRefundsConsumer, AFTER_SALES_REFUNDS_CONSUMER } from './inbound/after-sales-refunds/after-sales-refunds.consumer.js';
import { giftRedemptionsConsumer, GIFT_REDEMPTIONS_CONSUMER } from './inbound/gift-redemptions/gift-redemptions.consumer.js';
import { salesTransactionsConsumer, SALES_TRANSACTIONS_CONSUMER } from './inbound/sales-transactions/sales-transactions.consumer.js';
import { DEFAULT_LOYALTY_RULES } from './loyalty-config/loyalty-config.defaults.js';
import { birthdayGreetingsProjection } from './projections/birthday-greetings/birthday-greetings.projection.js';
import { loyaltyAccountProjection } from './projections/loyalty-account/loyalty-account.projection.js';
import { loyaltyTimersProcessor } from './projections/loyalty-timers/loyalty-timers.processor.js';
import { combined } from './projections/loyalty-processors.js';
import { memberProfileFactsProjection } from './projections/member-profile-facts/member-profile-facts.projection.js';
import { loyaltyAccountClosingReactor } from './reactions/loyalty-account-closing.reactor.js';
import { parkedRefundsReactor } from './reactions/parked-refunds.reactor.js';
import { loyaltyAccountOpeningReactor, type MembershipStart } from './reactions/loyalty-account-opening.reactor.js';
import { RedemptionSaga } from './reactions/redemption-saga.reactor.js';
import { BirthdayGreetingHandler } from './rpc/birthday-greeting.handler.js';
import { CALLBACK_OUTCOMES_CONSUMER, callbackOutcomesConsumer } from './inbound/callback-outcomes/callback-outcomes.consumer.js';
import { LoyaltyAccountHandler } from './rpc/loyalty-account.handler.js';
import { LoyaltyConfigHandler } from './rpc/loyalty-config.handler.js';
import { LoyaltyListsHandler } from './rpc/loyalty-lists.handler.js';
import { MemberAnalysisHandler } from './rpc/member-analysis.handler.js';
import { GIFTS_RPC, RedemptionHandler } from './rpc/redemption.handler.js';
import { LoyaltyTimerHandler } from './timers/loyalty-timer.handler.js';
import { LOYALTY_READ_MODELS, MonthlyRunService } from './timers/monthly-run.service.js';

export type Lookup = ProviderLookup;

/** The member event that enters a member record: its points ledger opens then. */
const MEMBERSHIP_STARTS = ['MemberApplicationSubmitted'];
function membershipStartOf(recorded: RecordedEvent): MembershipStart | null {
  if (recorded.type !== 'MemberApplicationSubmitted') return null;
  const d = recorded.data as { memberId: string; storeId: string; submittedAt: string };
  return { memberId: d.memberId, storeId: d.storeId, at: d.submittedAt };
}


export function loyaltyRpc(get: Lookup): Record<string, RpcHandler> {
  const R = MembersLoyaltyRpc;
  const config = get(LoyaltyConfigHandler);
  const accounts = get(LoyaltyAccountHandler);
  const redemptions = get(RedemptionHandler);
  const lists = get(LoyaltyListsHandler);
  const analysis = get(MemberAnalysisHandler);
  const birthdays = get(BirthdayGreetingHandler);
  return {
    [R.GetLoyaltyConfig]: (p, c) => config.get(p, c),
    [R.SetLoyaltyConfig]: (p, c) => config.set(p, c),
    [R.LoyaltyConfigHistory]: (p, c) => config.history(p, c),
    [R.RecordPurchase]: (p, c) => accounts.recordPurchase(p, c),
    [R.GetPoints]: (p, c) => accounts.points(p, c),
    [R.TierHistory]: (p, c) => accounts.tierHistory(p, c),
    [R.RequestRedemption]: (p, c) => redemptions.request(p, c),
    [R.GetRedemption]: (p, c) => redemptions.get(p, c),
    [R.ExpiringMembers]: (p, c) => lists.expiring(p, c),
    [R.BirthdayList]: (p, c) => lists.birthdays(p, c),
    [R.RecordBirthdayCard]: (p, c) => birthdays.recordCard(p, c),
    [R.RecordBirthdayCall]: (p, c) => birthdays.recordCall(p, c),
    [R.Rankings]: (p, c) => lists.rankings(p, c),
    [R.MemberAnalysis]: (p, c) => analysis.analyse(p, c),
  };
}

export function loyaltyProcessors(get: Lookup): Processor<OrmTx>[] {
  const host = get(ServiceHost);
  const rules = get(LoyaltyRulesService);
  const org = get(OrgDirectory);
  return [
    combined(LOYALTY_READ_MODELS, [
      loyaltyAccountProjection(DEFAULT_LOYALTY_RULES.timezone, (storeId) => org.regionOf(storeId)),
      birthdayGreetingsProjection,
      memberProfileFactsProjection,
      loyaltyTimersProcessor(async () => (await rules.inForce()).rules),
    ]),
    combined('reactor:loyalty:v1', [
      loyaltyAccountOpeningReactor(host, rules, membershipStartOf, MEMBERSHIP_STARTS),
      loyaltyAccountClosingReactor(host),
      parkedRefundsReactor(host),
      get(RedemptionSaga).processor(),
    ]),
  ];
}

/** The feeds members reads: sales, after-sales refunds, gifts' answers, call-back outcomes (`producer` names the stream). */
export function loyaltyConsumers(get: Lookup) {
  const handle = (make: () => (envelope: IntegrationEnvelope, tx: OrmTx) => Promise<void>) => (envelope: IntegrationEnvelope, tx: OrmTx) => make()(envelope, tx);
  return [
    { consumerId: SALES_TRANSACTIONS_CONSUMER, producer: 'sales', filterSubject: 'sales.evt.>', handle: handle(() => salesTransactionsConsumer(get(LoyaltyAccountHandler), get(ServiceHost))) },
    {
      consumerId: AFTER_SALES_REFUNDS_CONSUMER,
      producer: 'after-sales',
      filterSubject: afterSalesRefundIssuedV1.subject,
      handle: handle(() => afterSalesRefundsConsumer(get(ServiceHost))),
    },
    ...consumersPerSubject({ consumerId: GIFT_REDEMPTIONS_CONSUMER, producer: 'gifts', handle: handle(() => giftRedemptionsConsumer(get(ServiceHost))) }, [
      giftRedemptionIssuedV1.subject,
      giftRedemptionRefusedV1.subject,
      giftEntitlementIssuedV1.subject,
    ]),
    ...consumersPerSubject({ consumerId: CALLBACK_OUTCOMES_CONSUMER, producer: 'complaints', handle: handle(() => callbackOutcomesConsumer(get(ServiceHost))) }, [
      callbackCompletedV1.subject,
      callbackUnreachableV1.subject,
    ]),
  ];
}

export const loyaltyTimers = (get: Lookup) => (timer: Timer) => get(LoyaltyTimerHandler).fire(timer);

/**
 * Before processing starts: the gifts command stream exists (both sides ensure it) and this
 * month's run is armed (a run missed while the service was down fires at start).
 */
@Injectable()
export class LoyaltyStartup implements OnModuleInit {
  constructor(
    private readonly host: ServiceHost,
    private readonly monthly: MonthlyRunService,
  ) {}

  async onModuleInit(): Promise<void> {
    const h = this.host;
    await ensureEventStream(h.jsm, {
      name: `${h.config.streamPrefix}${GIFTS_COMMAND_STREAM.name}`,
      subjects: GIFTS_COMMAND_STREAM.subjects.map((s) => `${h.config.subjectPrefix}${s}`),
      replicas: h.config.streamReplicas ?? 1,
    });
    await this.monthly.ensureScheduled();
  }
}

export const LOYALTY_PROVIDERS: Provider[] = [
  LoyaltyRulesService,
  LoyaltyConfigHandler,
  LoyaltyAccountHandler,
  BirthdayGreetingHandler,
  RedemptionHandler,
  LoyaltyListsHandler,
  MemberAnalysisHandler,
  MonthlyRunService,
  LoyaltyTimerHandler,
  { provide: RedemptionSaga, useFactory: (host: ServiceHost) => new RedemptionSaga(host), inject: [ServiceHost] },
  { provide: GIFTS_RPC, useFactory: (host: ServiceHost) => new RpcClient(host.nc, { subjectPrefix: host.config.subjectPrefix }), inject: [ServiceHost] },
  LoyaltyStartup,
];
