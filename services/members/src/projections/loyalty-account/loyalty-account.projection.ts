import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { localMonthOf } from '../../local-time/local-time.js';
import { LOYALTY_ACCOUNT_STREAM_TYPE } from '../../loyalty-account/loyalty-account.decider.js';
import type { LoyaltyAccountEvent, LoyaltyAccountOpened } from '../../loyalty-account/loyalty-account.events.js';
import { loyaltyAccountLifecycle } from '../../loyalty-account/loyalty-account.lifecycle.js';
import type { LoyaltyAccountStatus } from '../../loyalty-account/loyalty-account.state.js';

const memberOf = (streamId: string) => streamId.slice(LOYALTY_ACCOUNT_STREAM_TYPE.length + 1);

/**
 * The loyalty read models: one row per account (到期会员名单 by local expiry month and store), and
 * append-only facts (purchases, refunds, status changes) stamped with their recording instant so
 * the analyses can be read as known at a past instant.
 */
export function loyaltyAccountProjection(timezone: string, regionOf: (storeId: string) => string | undefined): Projection<OrmTx> {
  return {
    id: 'projection:loyalty-account:v1',
    handles: [
      'LoyaltyAccountOpened',
      'PurchaseRecorded',
      'RefundRecorded',
      'TierChanged',
      'MembershipExpiring',
      'MembershipExpired',
      'MembershipRenewed',
      'MemberAtRisk',
      'MemberChurned',
      'MemberRetained',
      'LoyaltyAccountClosed',
    ],
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      // accounts opened go in one statement (and their first status in one more), sent before any
      // event that reads an account row
      const opened: RecordedEvent[] = [];
      const flush = () => openAccounts(opened.splice(0), tx, timezone, regionOf);
      for (const recorded of events) {
        const event = { type: recorded.type, data: recorded.data } as LoyaltyAccountEvent;
        const memberId = memberOf(recorded.streamId);
        const version = recorded.streamVersion;
        const at = recorded.recordedAt;
        if (event.type === 'LoyaltyAccountOpened') {
          opened.push(recorded);
          continue;
        }
        await flush();
        const rows = await tx.query<{ status: LoyaltyAccountStatus; store_id: string; version: number }>(
          'select status, store_id, version from loyalty_account_v1 where member_id = $1',
          [memberId],
        );
        if (!rows.length || rows[0].version >= version) continue;
        const status = loyaltyAccountLifecycle.statusAfter(event, rows[0].status);
        const sets: Record<string, unknown> = { status, version };
        switch (event.type) {
          case 'PurchaseRecorded': {
            const d = event.data;
            await tx.query(
              `insert into loyalty_purchase_fact_v1 (receipt_no, member_id, store_id, region_id, channel, amount, item_count, purchased_at, recorded_at)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (receipt_no) do nothing`,
              [d.receiptNo, memberId, d.storeId, regionOf(d.storeId) ?? null, d.channel, d.amount, d.itemCount, d.purchasedAt, at],
            );
            // a member sale recorded by HTTP counts in the member consumption share too
            await tx.query(
              `insert into sales_fact_v1 (receipt_no, store_id, amount, member, at, recorded_at) values ($1, $2, $3, true, $4, $5)
               on conflict (receipt_no) do nothing`,
              [d.receiptNo, d.storeId, d.amount, d.purchasedAt, at],
            );
            sets.last_purchase_at = d.purchasedAt;
            break;
          }
          case 'RefundRecorded':
            await tx.query(
              `insert into loyalty_refund_fact_v1 (refund_id, receipt_no, member_id, amount, recorded_at) values ($1, $2, $3, $4, $5)
               on conflict (refund_id) do nothing`,
              [event.data.refundId, event.data.receiptNo, memberId, event.data.amount, at],
            );
            break;
          case 'TierChanged':
            sets.tier = event.data.to;
            // the member list filters by tier too
            await tx.query('update member_list_v1 set tier = $2 where member_id = $1', [memberId, event.data.to]);
            break;
          case 'MembershipExpiring':
            sets.expiring_notice_for = event.data.expiresAt;
            break;
          case 'MembershipRenewed':
            sets.membership_expires_at = event.data.expiresAt;
            sets.expires_month = localMonthOf(event.data.expiresAt, timezone);
            break;
          default:
            break;
        }
        if (status !== rows[0].status) await statusFact(tx, memberId, version, status, event.data.at, at);
        const columns = Object.keys(sets);
        await tx.query(
          `update loyalty_account_v1 set ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} where member_id = $1`,
          [memberId, ...columns.map((c) => sets[c])],
        );
      }
      await flush();
    },
    async reset(tx: OrmTx) {
      await tx.query(
        'delete from loyalty_account_v1; delete from loyalty_purchase_fact_v1; delete from loyalty_refund_fact_v1; delete from loyalty_status_fact_v1; delete from sales_fact_v1 where member',
      );
    },
  };
}

async function statusFact(tx: OrmTx, memberId: string, version: number, status: string, at: string, recordedAt: Date): Promise<void> {
  await tx.query(
    `insert into loyalty_status_fact_v1 (member_id, version, status, at, recorded_at) values ($1, $2, $3, $4, $5)
     on conflict (member_id, version) do nothing`,
    [memberId, version, status, at, recordedAt],
  );
}

/** Accounts as their opening leaves them, and their first status fact; an account already there stays. */
async function openAccounts(events: readonly RecordedEvent[], tx: OrmTx, timezone: string, regionOf: (storeId: string) => string | undefined): Promise<void> {
  if (!events.length) return;
  const opened = events.map((e) => ({ memberId: memberOf(e.streamId), version: e.streamVersion, recordedAt: e.recordedAt, data: (e.data as LoyaltyAccountOpened['data']) }));
  await tx.query(
    `insert into loyalty_account_v1 (member_id, store_id, region_id, status, tier, opened_at, membership_expires_at, expires_month, version)
     select member_id, store_id, region_id, 'active', tier, opened_at, membership_expires_at, expires_month, version
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::int[])
         as o(member_id, store_id, region_id, tier, opened_at, membership_expires_at, expires_month, version)
     on conflict (member_id) do nothing`,
    [
      opened.map((o) => o.memberId),
      opened.map((o) => o.data.storeId),
      opened.map((o) => regionOf(o.data.storeId) ?? null),
      opened.map((o) => o.data.tier),
      opened.map((o) => o.data.at),
      opened.map((o) => o.data.membershipExpiresAt),
      opened.map((o) => localMonthOf(o.data.membershipExpiresAt, timezone)),
      opened.map((o) => o.version),
    ],
  );
  await tx.query(
    `insert into loyalty_status_fact_v1 (member_id, version, status, at, recorded_at)
     select member_id, version, 'active', at, recorded_at from unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[]) as f(member_id, version, at, recorded_at)
     on conflict (member_id, version) do nothing`,
    [opened.map((o) => o.memberId), opened.map((o) => o.version), opened.map((o) => o.data.at), opened.map((o) => o.recordedAt)],
  );
}
