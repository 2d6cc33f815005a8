import { Injectable } from '@nestjs/common';
import { comparePositions, DomainError, handleCommand, readCheckpoint, readHead, scheduleTimers, type Actor, type SqlTx } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { LoyaltyRulesService, type LoyaltyRulesView } from '../config/loyalty-rules.service.js';
import { greetingIdFor } from '../birthday-greeting/birthday-greeting.values.js';
import type { LoyaltyAccountCommand, MarkMembershipExpiring, RunTierReview } from '../loyalty-account/loyalty-account.commands.js';
import { addDays } from '../loyalty-account/loyalty-account.values.js';
import { localMonthOf, nextMonth, previousMonth, startOfLocalMonth } from '../local-time/local-time.js';
import { LOYALTY_TIMER_KIND } from '../projections/loyalty-timers/loyalty-timers.processor.js';
import { birthdayGreetingStream, loyaltyAccountStream, monthlyRankingStream } from '../rpc/loyalty-streams.js';

type AccountStep = Omit<RunTierReview, 'memberId' | 'now' | 'actor'> | Omit<MarkMembershipExpiring, 'memberId' | 'now' | 'actor'>;

export const MONTHLY_RUN: Actor = { id: 'system:loyalty-monthly-run', role: 'system', name: 'Loyalty monthly run' };
const SCHEDULE_STREAM = 'loyalty-schedule';
/** The processor that keeps the accounts and spend facts the run reads (see loyalty.wiring.ts). */
export const LOYALTY_READ_MODELS = 'projection:loyalty:v1';

/**
 * What happens on the 1st of every month (local time): the tier review (the only way down), the
 * 到期 notices for the coming window, the month's birthday list, and the ranking of the month before. A durable timer per
 * month: a run missed while the service was down fires at start; every step is idempotent.
 */
@Injectable()
export class MonthlyRunService {
  constructor(
    private readonly host: ServiceHost,
    private readonly rules: LoyaltyRulesService,
  ) {}

  private get tx(): SqlTx {
    return { query: async <R>(sql: string, params?: unknown[]) => (await this.host.pool.query(sql, params)).rows as R[] };
  }

  /** Arms this month's run (already fired or armed: nothing changes). */
  async ensureScheduled(): Promise<void> {
    const { rules } = await this.rules.inForce();
    await this.schedule(localMonthOf(this.host.clock.now().toISOString(), rules.timezone), rules.timezone);
  }

  async schedule(month: string, timezone: string): Promise<void> {
    await scheduleTimers(this.tx, [
      { timerId: `${SCHEDULE_STREAM}:${month}`, streamId: SCHEDULE_STREAM, kind: LOYALTY_TIMER_KIND.monthlyRun, dueAt: new Date(startOfLocalMonth(month, timezone)), payload: { month } },
    ]);
  }

  async run(month: string, now: string): Promise<void> {
    await this.factsCaughtUp();
    const rules = await this.rules.inForce();
    const accounts = await this.tx.query<{ member_id: string; membership_expires_at: Date; status: string }>(
      "select member_id, membership_expires_at, status from loyalty_account_v1 where status <> 'closed' order by member_id",
    );
    for (const a of accounts) {
      await this.onAccount(a.member_id, `monthly:${month}:tier`, { type: 'RunTierReview', month, rules }, now);
      const expiresAt = a.membership_expires_at.toISOString();
      if (Date.parse(expiresAt) > Date.parse(now) && Date.parse(expiresAt) <= Date.parse(addDays(now, rules.rules.expiringNoticeDays))) {
        await this.onAccount(a.member_id, `monthly:${month}:expiring`, { type: 'MarkMembershipExpiring', rules }, now);
      }
    }
    await this.planBirthdays(month, now, rules);
    await this.publishRanking(previousMonth(month), now, rules);
    await this.schedule(nextMonth(month), rules.rules.timezone);
    this.host.poke();
  }

  private async onAccount(memberId: string, key: string, step: AccountStep, now: string): Promise<void> {
    try {
      const command = { ...step, memberId, now, actor: MONTHLY_RUN } as LoyaltyAccountCommand;
      await handleCommand(this.host.store, loyaltyAccountStream.spec(memberId), command, {
        commandId: `${key}:${memberId}`,
        // a retried run may carry other rules or figures: the key alone says it was done
        request: { key, memberId },
        metadata: { actor: MONTHLY_RUN, occurredAt: now },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.host.logger.warn({ memberId, key, code: error.code }, 'monthly run step refused');
    }
  }

  /**
   * The run reads the loyalty read models (accounts, spend facts): let them reach the log's head
   * as it stands now, within a bound (past it the run goes on with what is there, and says so).
   */
  private async factsCaughtUp(timeoutMs = 20_000): Promise<void> {
    const head = await readHead(this.host.pool);
    if (!head) return;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (comparePositions(await readCheckpoint(this.tx, LOYALTY_READ_MODELS), head) >= 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.host.logger.warn({ head }, 'monthly run: loyalty read models still behind the log');
  }

  /** The month's birthday work list (R92): one greeting per member, withheld while the record needs a supplement. */
  private async planBirthdays(month: string, now: string, rules: LoyaltyRulesView): Promise<void> {
    const rows = await this.tx.query<{ member_id: string; store_id: string; birth_date: string; review_status: string; tier: string }>(
      `select p.member_id, a.store_id, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.review_status, a.tier
         from loyalty_member_profile_v1 p join loyalty_account_v1 a using (member_id)
        where p.birth_month = $1 and a.status not in ('closed', 'expired') order by p.member_id`,
      [month.slice(5, 7)],
    );
    const year = Number(month.slice(0, 4));
    for (const r of rows) {
      const greetingId = greetingIdFor(r.member_id, year);
      const vip = rules.rules.tiers.find((t) => t.code === r.tier)?.vip ?? false;
      try {
        await handleCommand(
          this.host.store,
          birthdayGreetingStream.spec(greetingId),
          {
            type: 'PlanBirthdayGreeting',
            greetingId,
            memberId: r.member_id,
            storeId: r.store_id,
            year,
            birthDate: r.birth_date,
            tier: r.tier,
            vip,
            profileComplete: r.review_status !== 'needs_supplement',
            rules,
            now,
            actor: MONTHLY_RUN,
          },
          { commandId: `monthly:${month}:birthday:${r.member_id}`, request: { month, memberId: r.member_id }, metadata: { actor: MONTHLY_RUN, occurredAt: now } },
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
  }

  private async publishRanking(month: string, now: string, rules: LoyaltyRulesView): Promise<void> {
    const from = startOfLocalMonth(month, rules.rules.timezone);
    const to = startOfLocalMonth(nextMonth(month), rules.rules.timezone);
    const rows = await this.tx.query<{ store_id: string; member_id: string; net: string; tx: string }>(
      `select p.store_id, p.member_id, sum(p.amount - coalesce(r.refunded, 0)) as net, count(*) as tx
         from loyalty_purchase_fact_v1 p
         left join (select receipt_no, sum(amount) as refunded from loyalty_refund_fact_v1 group by receipt_no) r using (receipt_no)
        where p.purchased_at >= $1 and p.purchased_at < $2
        group by p.store_id, p.member_id`,
      [from, to],
    );
    const byStore = new Map<string, Array<{ memberId: string; netSpend: number; txCount: number }>>();
    for (const r of rows) byStore.set(r.store_id, [...(byStore.get(r.store_id) ?? []), { memberId: r.member_id, netSpend: Number(r.net), txCount: Number(r.tx) }]);
    try {
      await handleCommand(
        this.host.store,
        monthlyRankingStream.spec(month),
        { type: 'PublishMonthlyRanking', month, candidates: [...byStore].map(([storeId, members]) => ({ storeId, members })), rules, now, actor: MONTHLY_RUN },
        { commandId: `monthly:ranking:${month}`, request: { month }, metadata: { actor: MONTHLY_RUN, occurredAt: now } },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
}
