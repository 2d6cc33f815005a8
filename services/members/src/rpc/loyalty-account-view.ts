import type { RecordedEvent } from '@cs/eventstore';
import type { TierChanged } from '../loyalty-account/loyalty-account.events.js';
import { availablePoints, heldPoints, lotStatus, pendingPoints, type LoyaltyAccount } from '../loyalty-account/loyalty-account.state.js';
import { netSpend12m } from '../loyalty-account/loyalty-account.values.js';

/** `GET /v1/members/{id}/points`: `available` excludes pending and held points. */
export function pointsView(account: LoyaltyAccount, version: number, now: string) {
  return {
    memberId: account.memberId,
    version,
    status: account.status,
    tier: account.tier,
    membershipExpiresAt: account.membershipExpiresAt,
    expiresOn: account.membershipExpiresAt.slice(0, 10),
    available: availablePoints(account),
    pending: pendingPoints(account),
    held: heldPoints(account),
    debt: account.debt,
    netSpend12m: netSpend12m(Object.values(account.purchases), now),
    lots: account.lots.map((lot) => ({
      lotId: lot.lotId,
      receiptNo: lot.receiptNo,
      points: lot.points,
      remaining: lot.remaining,
      held: lot.held,
      spent: lot.spent,
      expired: lot.expired,
      reversed: lot.reversed,
      status: lotStatus(lot),
      earnedAt: lot.earnedAt,
      vestsAt: lot.vestsAt,
      expiresAt: lot.expiresAt,
      rulesRevision: lot.rulesRevision,
    })),
  };
}

/** `GET /v1/members/{id}/tier-history`: every change with its reason and the spend it was based on. */
export function tierHistoryView(memberId: string, events: readonly RecordedEvent[]) {
  const opened = events.find((e) => e.type === 'LoyaltyAccountOpened');
  return {
    memberId,
    items: [
      ...(opened ? [{ version: opened.streamVersion, from: null, to: (opened.data as { tier: string }).tier, direction: 'up', reason: 'joined', at: (opened.data as { at: string }).at }] : []),
      ...events
        .filter((e) => e.type === 'TierChanged')
        .map((e) => {
          const d = e.data as TierChanged['data'];
          return { version: e.streamVersion, from: d.from, to: d.to, direction: d.direction, reason: d.reason, netSpend12m: d.netSpend12m, rulesRevision: d.rulesRevision, at: d.at };
        }),
    ],
  };
}
