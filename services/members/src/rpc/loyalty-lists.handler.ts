import { Injectable } from '@nestjs/common';
import { BirthdayListQuery, ExpiringMembersQuery, RankingsQuery } from '@cs/contracts';
import { DomainError } from '@cs/eventstore';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { decodeCursor, encodeCursor, ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { monthlyRankingStream } from './loyalty-streams.js';

/** Scope of a list: the stores the caller may see, narrowed to one when asked. */
function storesFor(org: OrgDirectory, ctx: RpcContext, storeId?: string): string[] | null {
  const visible = org.visibleStoreIds(ctx.actor);
  if (!storeId) return visible;
  return visible === null || visible.includes(storeId) ? [storeId] : [];
}

/** The HQ work lists: 到期会员名单, the birthday list, the monthly ranking. */
@Injectable()
export class LoyaltyListsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  async expiring(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(ExpiringMembersQuery, payload);
    const stores = storesFor(this.org, ctx, q.storeId);
    const after = decodeCursor(q.cursor);
    const limit = q.limit ?? 50;
    const rows = await this.host.pool.query(
      `select member_id, store_id, tier, status, membership_expires_at, expiring_notice_for, last_purchase_at, opened_at
         from loyalty_account_v1
        where expires_month = $1 and ($2::text[] is null or store_id = any($2)) and status <> 'closed'
          and ($3::timestamptz is null or (membership_expires_at, member_id) > ($3, $4))
        order by membership_expires_at, member_id limit $5`,
      [q.month, stores, after?.at ?? null, after?.id ?? '', limit + 1],
    );
    const items = rows.rows.slice(0, limit).map((r) => ({
      memberId: r.member_id,
      storeId: r.store_id,
      tier: r.tier,
      status: r.status,
      joinedAt: r.opened_at.toISOString(),
      expiresAt: r.membership_expires_at.toISOString(),
      lastPurchaseAt: r.last_purchase_at?.toISOString() ?? null,
      noticeSent: r.expiring_notice_for !== null && r.expiring_notice_for.getTime() === r.membership_expires_at.getTime(),
    }));
    const last = rows.rows[limit - 1];
    return { items, nextCursor: rows.rows.length > limit ? encodeCursor({ at: last.membership_expires_at.toISOString(), id: last.member_id }) : null };
  }

  async birthdays(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(BirthdayListQuery, payload);
    const stores = storesFor(this.org, ctx, q.storeId);
    const { rows } = await this.host.pool.query(
      `select * from birthday_greeting_v1 where month = $1 and ($2::text[] is null or store_id = any($2)) order by birthday, member_id`,
      [q.month, stores],
    );
    return {
      items: rows.map((r) => ({
        memberId: r.member_id,
        storeId: r.store_id,
        birthday: r.birthday instanceof Date ? r.birthday.toISOString().slice(0, 10) : r.birthday,
        tier: r.tier,
        status: r.status,
        giftDueAt: r.gift_due_at?.toISOString() ?? null,
        card: r.card_sent_at ? { state: 'sent', at: r.card_sent_at.toISOString(), channel: r.card_channel } : { state: r.status === 'withheld' ? 'withheld' : 'due' },
        giftCard: r.gift_card_issuance_id ? { state: 'issued', issuanceId: r.gift_card_issuance_id } : { state: r.status === 'withheld' ? 'withheld' : 'due' },
        call: r.call_on_the_day ? { state: r.call_outcome ?? 'due' } : { state: 'not_applicable' },
      })),
      nextCursor: null,
    };
  }

  async rankings(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(RankingsQuery, payload);
    const { state: ranking } = await monthlyRankingStream.load(this.host, q.month);
    if (!ranking) throw new DomainError('RANKING_NOT_PUBLISHED', `The ranking of ${q.month} is not published yet`, 'not_found', { month: q.month });
    const stores = storesFor(this.org, ctx, q.storeId);
    return {
      month: ranking.month,
      publishedAt: ranking.publishedAt,
      dueBy: ranking.dueBy,
      rankingSize: ranking.rankingSize,
      rulesRevision: ranking.rulesRevision,
      items: ranking.stores.filter((s) => stores === null || stores.includes(s.storeId)),
    };
  }
}
