import { Injectable } from '@nestjs/common';
import { MemberAnalysisQuery } from '@cs/contracts';
import { DomainError } from '@cs/eventstore';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { LoyaltyRulesService } from '../config/loyalty-rules.service.js';
import { localDayOf } from '../local-time/local-time.js';
import type { AnalysisScope, MemberProfileFact, PurchaseFact, SaleFact, StatusFact } from '../member-analytics/analytics.facts.js';
import { churnAnalysis } from '../member-analytics/churn.analysis.js';
import { consumptionShare } from '../member-analytics/consumption-share.analysis.js';
import { genderAge } from '../member-analytics/gender-age.analysis.js';
import { spendingLevel } from '../member-analytics/spending-level.analysis.js';
import { spendingPower } from '../member-analytics/spending-power.analysis.js';

/** Everything recorded so far. */
const INFINITY = 'infinity';

/**
 * `GET /v1/analytics/members/{analysis}`. The facts are append-only rows stamped with the instant
 * they were recorded, so `asOf` gives the figures as they were known then (a projection keeping
 * history, not a replay: the analyses span every member, a replay of every stream per request
 * would not scale). The bands are those of the rules in force at `asOf`.
 */
@Injectable()
export class MemberAnalysisHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly rules: LoyaltyRulesService,
    private readonly org: OrgDirectory,
  ) {}

  async analyse(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(MemberAnalysisQuery, payload);
    // asOf is compared with the instants facts were recorded, like every other as-of read
    const asOf = q.asOf ? new Date(q.asOf) : undefined;
    const { rules, revision } = await this.rules.inForce(asOf);
    const visible = this.org.visibleStoreIds(ctx.actor);
    if (visible !== null && (!q.storeId || !visible.includes(q.storeId))) {
      throw new DomainError('ANALYSIS_SCOPE_FORBIDDEN', 'Name a store you may see', 'forbidden', { storeId: q.storeId });
    }
    const today = localDayOf((asOf ?? this.host.clock.now()).toISOString(), rules.timezone);
    const scope: AnalysisScope = { storeId: q.storeId, regionId: q.regionId, from: q.from ?? `${today.slice(0, 7)}-01`, to: q.to ?? today, timezone: rules.timezone };
    if (scope.from > scope.to) throw new DomainError('INVALID_PERIOD', 'from must not be after to', 'rule', { from: scope.from, to: scope.to });
    const head = { analysis: q.analysis, asOf: asOf?.toISOString() ?? null, rulesRevision: revision, from: scope.from, to: scope.to, storeId: q.storeId ?? null, regionId: q.regionId ?? null };
    switch (q.analysis) {
      case 'spending-level':
        return { ...head, ...spendingLevel(await this.purchases(asOf), scope, rules.spendBands) };
      case 'gender-age':
        return { ...head, ...genderAge(await this.purchases(asOf), await this.profiles(), scope, rules.ageBands) };
      case 'spending-power': {
        const { memberScores: _scores, ...summary } = spendingPower(await this.purchases(asOf), scope);
        return { ...head, ...summary };
      }
      case 'churn':
        return { ...head, ...churnAnalysis(await this.statuses(asOf), await this.memberStores(), scope) };
      case 'consumption-share':
        return { ...head, days: consumptionShare(await this.sales(asOf), scope) };
      default: {
        const _exhaustive: never = q.analysis;
        throw new Error(`Unknown analysis ${String(_exhaustive)}`);
      }
    }
  }

  private async purchases(asOf: Date | undefined): Promise<PurchaseFact[]> {
    const { rows } = await this.host.pool.query(
      `select p.*, coalesce((select sum(r.amount) from loyalty_refund_fact_v1 r where r.receipt_no = p.receipt_no and r.recorded_at <= $1), 0) as refunded
         from loyalty_purchase_fact_v1 p where p.recorded_at <= $1`,
      [asOf ?? INFINITY],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      receiptNo: r.receipt_no,
      storeId: r.store_id,
      regionId: r.region_id ?? undefined,
      amount: Number(r.amount),
      itemCount: r.item_count,
      purchasedAt: r.purchased_at.toISOString(),
      refunded: Number(r.refunded),
    }));
  }

  private async profiles(): Promise<Map<string, MemberProfileFact>> {
    // a closed member is aged from its birth year-month (the day is gone with its key)
    const { rows } = await this.host.pool.query(
      `select member_id, gender, coalesce(to_char(birth_date, 'YYYY-MM-DD'), birth_year_month || '-01') as birth_date from loyalty_member_profile_v1`,
    );
    return new Map(rows.map((r) => [r.member_id, { memberId: r.member_id, gender: r.gender ?? undefined, birthDate: r.birth_date ?? undefined }]));
  }

  private async statuses(asOf: Date | undefined): Promise<StatusFact[]> {
    const { rows } = await this.host.pool.query('select member_id, status, at from loyalty_status_fact_v1 where recorded_at <= $1 order by member_id, version', [asOf ?? INFINITY]);
    return rows.map((r) => ({ memberId: r.member_id, status: r.status, at: r.at.toISOString() }));
  }

  private async memberStores(): Promise<Map<string, { storeId: string; regionId?: string }>> {
    const { rows } = await this.host.pool.query('select member_id, store_id, region_id from loyalty_account_v1');
    return new Map(rows.map((r) => [r.member_id, { storeId: r.store_id, regionId: r.region_id ?? undefined }]));
  }

  private async sales(asOf: Date | undefined): Promise<SaleFact[]> {
    const { rows } = await this.host.pool.query('select store_id, amount, member, at from sales_fact_v1 where recorded_at <= $1', [asOf ?? INFINITY]);
    return rows.map((r) => ({ storeId: r.store_id, amount: Number(r.amount), member: r.member, at: r.at.toISOString() }));
  }
}
