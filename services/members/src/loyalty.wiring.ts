import { Injectable, type Provider } from '@nestjs/common';
import { MembersLoyaltyRpc } from '@cs/contracts';
import type { RecordedEvent } from '@cs/eventstore';
import { ensureEventStream, RpcClient } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { LoyaltyRulesService } from './config/loyalty-rules.service.js';
import { afterSalesRefundsConsumer, AFTER_SALES_REFUNDS_CONSUMER } from './inbound/after-sales-refunds/after-sales-refunds.consumer.js';
import { giftRedemptionsConsumer, GIFT_REDEMPTIONS_CONSUMER } from './inbound/gift-redemptions/gift-redemptions.consumer.js';
import { salesTransactionsConsumer, SALES_TRANSACTIONS_CONSUMER } from './inbound/sales-transactions/sales-transactions.consumer.js';
import { DEFAULT_LOYALTY_RULES } from './loyalty-config/loyalty-config.defaults.js';
import { birthdayGreetingsProjection } from './projections/birthday-greetings/birthday-greetings.projection.js';
import { loyaltyAccountProjection } from './projections/loyalty-account/loyalty-account.projection.js';
import { loyaltyTimersProcessor } from './projections/loyalty-timers/loyalty-timers.processor.js';
import { loyaltyAccountOpeningReactor, type MembershipStart } from './reactions/loyalty-account-opening.reactor.js';
import { RedemptionSaga } from './reactions/redemption-saga.reactor.js';
import { LoyaltyAccountHandler } from './rpc/loyalty-account.handler.js';
import { LoyaltyConfigHandler } from './rpc/loyalty-config.handler.js';
import { LoyaltyListsHandler } from './rpc/loyalty-lists.handler.js';
import { MemberAnalysisHandler } from './rpc/member-analysis.handler.js';
import { memberProfileFactsProjection } from './projections/member-profile-facts/member-profile-facts.projection.js';
import { GIFTS_RPC, RedemptionHandler } from './rpc/redemption.handler.js';
import { LoyaltyTimerHandler } from './timers/loyalty-timer.handler.js';
import { MonthlyRunService } from './timers/monthly-run.service.js';

/** The member event that enters a member record: its points ledger opens then. */
const MEMBERSHIP_STARTS = ['MemberApplicationSubmitted'];
function membershipStartOf(recorded: RecordedEvent): MembershipStart | null {
  if (recorded.type !== 'MemberApplicationSubmitted') return null;
  const d = recorded.data as { memberId: string; storeId: string; submittedAt: string };
  return { memberId: d.memberId, storeId: d.storeId, at: d.submittedAt };
}

/** The commands stream of the gifts service: members publishes IssueRedemptionGift on it. */
const GIFTS_COMMAND_STREAM = { name: 'GIFTS_CMD', subjects: ['gifts.cmd.>'] };

/** Registers the loyalty side of the members service on its host (RPC, read models, timers, feeds). */
@Injectable()
export class LoyaltyRuntime {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly rules: LoyaltyRulesService,
    private readonly config: LoyaltyConfigHandler,
    private readonly accounts: LoyaltyAccountHandler,
    private readonly redemptions: RedemptionHandler,
    private readonly lists: LoyaltyListsHandler,
    private readonly analysis: MemberAnalysisHandler,
    private readonly saga: RedemptionSaga,
    private readonly timers: LoyaltyTimerHandler,
    private readonly monthly: MonthlyRunService,
  ) {}

  async register(): Promise<void> {
    const h = this.host;
    const R = MembersLoyaltyRpc;
    h.handleRpc(R.GetLoyaltyConfig, (p, c) => this.config.get(p, c));
    h.handleRpc(R.SetLoyaltyConfig, (p, c) => this.config.set(p, c));
    h.handleRpc(R.LoyaltyConfigHistory, (p, c) => this.config.history(p, c));
    h.handleRpc(R.RecordPurchase, (p, c) => this.accounts.recordPurchase(p, c));
    h.handleRpc(R.GetPoints, (p, c) => this.accounts.points(p, c));
    h.handleRpc(R.TierHistory, (p, c) => this.accounts.tierHistory(p, c));
    h.handleRpc(R.RequestRedemption, (p, c) => this.redemptions.request(p, c));
    h.handleRpc(R.GetRedemption, (p, c) => this.redemptions.get(p, c));
    h.handleRpc(R.ExpiringMembers, (p, c) => this.lists.expiring(p, c));
    h.handleRpc(R.BirthdayList, (p, c) => this.lists.birthdays(p, c));
    h.handleRpc(R.Rankings, (p, c) => this.lists.rankings(p, c));
    h.handleRpc(R.MemberAnalysis, (p, c) => this.analysis.analyse(p, c));

    h.addProcessor(loyaltyAccountProjection(DEFAULT_LOYALTY_RULES.timezone, (storeId) => this.org.regionOf(storeId)));
    h.addProcessor(birthdayGreetingsProjection);
    h.addProcessor(memberProfileFactsProjection);
    h.addProcessor(loyaltyTimersProcessor(async () => (await this.rules.inForce()).rules));
    h.addProcessor(loyaltyAccountOpeningReactor(h, this.rules, membershipStartOf, MEMBERSHIP_STARTS));
    h.addProcessor(this.saga.processor());

    await ensureEventStream(h.jsm, {
      name: `${h.config.streamPrefix}${GIFTS_COMMAND_STREAM.name}`,
      subjects: GIFTS_COMMAND_STREAM.subjects.map((s) => `${h.config.subjectPrefix}${s}`),
      replicas: h.config.streamReplicas ?? 1,
    });
    h.addConsumer({ consumerId: SALES_TRANSACTIONS_CONSUMER, stream: h.eventStream('sales'), filterSubject: 'sales.evt.>', handle: salesTransactionsConsumer(this.accounts) });
    h.addConsumer({
      consumerId: AFTER_SALES_REFUNDS_CONSUMER,
      stream: h.eventStream('after-sales'),
      filterSubject: 'after-sales.evt.AfterSalesRefundIssued.v1',
      handle: afterSalesRefundsConsumer(h),
    });
    h.addConsumer({ consumerId: GIFT_REDEMPTIONS_CONSUMER, stream: h.eventStream('gifts'), filterSubject: 'gifts.evt.>', handle: giftRedemptionsConsumer(h) });
    h.setTimerHandler((timer) => this.timers.fire(timer));
    await this.monthly.ensureScheduled();
  }
}

export const LOYALTY_PROVIDERS: Provider[] = [
  LoyaltyRulesService,
  LoyaltyConfigHandler,
  LoyaltyAccountHandler,
  RedemptionHandler,
  LoyaltyListsHandler,
  MemberAnalysisHandler,
  MonthlyRunService,
  LoyaltyTimerHandler,
  { provide: RedemptionSaga, useFactory: (host: ServiceHost) => new RedemptionSaga(host), inject: [ServiceHost] },
  { provide: GIFTS_RPC, useFactory: (host: ServiceHost) => new RpcClient(host.nc, { subjectPrefix: host.config.subjectPrefix }), inject: [ServiceHost] },
  LoyaltyRuntime,
];
