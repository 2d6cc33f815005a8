import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import { loyaltyAccountLifecycle } from './loyalty-account.lifecycle.js';
import type { LoyaltyAccount, LoyaltyAccountState, LotShare, PointsLot } from './loyalty-account.state.js';

type LotChange = (lot: PointsLot, points: number) => Partial<PointsLot>;

function onLots(account: LoyaltyAccount, shares: readonly LotShare[], change: LotChange): PointsLot[] {
  const byLot = new Map<string, number>();
  for (const s of shares) byLot.set(s.lotId, (byLot.get(s.lotId) ?? 0) + s.points);
  return account.lots.map((lot) => (byLot.has(lot.lotId) ? { ...lot, ...change(lot, byLot.get(lot.lotId)!) } : lot));
}

export function evolveLoyaltyAccount(state: LoyaltyAccountState, event: LoyaltyAccountEvent): LoyaltyAccountState {
  if (event.type === 'LoyaltyAccountOpened') {
    const d = event.data;
    return {
      status: loyaltyAccountLifecycle.statusAfter(event, undefined),
      memberId: d.memberId,
      storeId: d.storeId,
      openedAt: d.at,
      tier: d.tier,
      tierSince: d.at,
      membershipExpiresAt: d.membershipExpiresAt,
      purchases: {},
      refunds: {},
      lots: [],
      holds: {},
      debt: 0,
    };
  }
  if (!state) return state;
  const s: LoyaltyAccount = { ...state, status: loyaltyAccountLifecycle.statusAfter(event, state.status) };
  switch (event.type) {
    case 'PurchaseRecorded': {
      const { at: _at, by: _by, ...p } = event.data;
      const lastPurchaseAt = s.lastPurchaseAt && Date.parse(s.lastPurchaseAt) > Date.parse(p.purchasedAt) ? s.lastPurchaseAt : p.purchasedAt;
      return { ...s, lastPurchaseAt, purchases: { ...s.purchases, [p.receiptNo]: { ...p, refunded: 0, points: 0, pointsReversed: 0 } } };
    }
    case 'PointsEarned': {
      const d = event.data;
      const purchase = { ...s.purchases[d.receiptNo], points: d.points, lotId: d.lotId };
      const lot: PointsLot = {
        lotId: d.lotId,
        receiptNo: d.receiptNo,
        points: d.points,
        remaining: d.points,
        held: 0,
        spent: 0,
        expired: 0,
        reversed: 0,
        forfeited: 0,
        earnedAt: d.earnedAt,
        vestsAt: d.vestsAt,
        expiresAt: d.expiresAt,
        vested: false,
        rulesRevision: d.rulesRevision,
      };
      return { ...s, lots: [...s.lots, lot], purchases: { ...s.purchases, [d.receiptNo]: purchase } };
    }
    case 'PointsVested':
      return { ...s, lots: onLots(s, [event.data], () => ({ vested: true })) };
    case 'PointsExpired':
      return {
        ...s,
        lots: onLots(s, [event.data], (lot, n) => ({ remaining: lot.remaining - n, expired: lot.expired + n, expiredAt: event.data.expiredAt })),
      };
    case 'RefundRecorded': {
      const d = event.data;
      const purchase = { ...s.purchases[d.receiptNo], refunded: d.refundedTotal };
      return {
        ...s,
        purchases: { ...s.purchases, [d.receiptNo]: purchase },
        refunds: { ...s.refunds, [d.refundId]: { receiptNo: d.receiptNo, amount: d.amount } },
      };
    }
    case 'PointsReversed': {
      const d = event.data;
      const purchase = s.purchases[d.receiptNo];
      let lots = onLots(s, d.fromRemaining, (lot, n) => ({ remaining: lot.remaining - n, reversed: lot.reversed + n }));
      lots = onLots({ ...s, lots }, d.fromExpired, (lot, n) => ({ expired: lot.expired - n, reversed: lot.reversed + n }));
      return {
        ...s,
        lots,
        debt: s.debt + d.debtIncurred,
        purchases: { ...s.purchases, [d.receiptNo]: { ...purchase, pointsReversed: purchase.pointsReversed + d.points } },
      };
    }
    case 'PointsDebtSettled':
      return {
        ...s,
        debt: event.data.debtLeft,
        lots: onLots(s, [event.data], (lot, n) => ({ remaining: lot.remaining - n, reversed: lot.reversed + n })),
      };
    case 'PointsHeld': {
      const { holdId, redemptionId, points, allocations } = event.data;
      return {
        ...s,
        lots: onLots(s, allocations, (lot, n) => ({ remaining: lot.remaining - n, held: lot.held + n })),
        holds: { ...s.holds, [holdId]: { holdId, redemptionId, points, allocations, status: 'held' } },
      };
    }
    case 'PointsRedeemed': {
      const hold = s.holds[event.data.holdId];
      return {
        ...s,
        lots: onLots(s, hold.allocations, (lot, n) => ({ held: lot.held - n, spent: lot.spent + n })),
        holds: { ...s.holds, [hold.holdId]: { ...hold, status: 'confirmed' } },
      };
    }
    case 'PointsHoldReleased': {
      const hold = s.holds[event.data.holdId];
      return {
        ...s,
        lots: onLots(s, hold.allocations, (lot, n) => ({ held: lot.held - n, remaining: lot.remaining + n })),
        holds: { ...s.holds, [hold.holdId]: { ...hold, status: 'released' } },
      };
    }
    case 'TierChanged':
      return { ...s, tier: event.data.to, tierSince: event.data.at };
    case 'TierReviewed':
      return { ...s, lastTierReviewMonth: event.data.month };
    case 'MembershipExpiring':
      return { ...s, expiringNoticeFor: event.data.expiresAt };
    case 'MembershipRenewed':
      return { ...s, membershipExpiresAt: event.data.expiresAt };
    case 'MembershipExpired':
    case 'MemberAtRisk':
    case 'MemberChurned':
    case 'MemberRetained':
      return s;
    case 'LoyaltyAccountClosed':
      return {
        ...s,
        debt: 0,
        lots: onLots(s, event.data.forfeited, (lot, n) => ({ remaining: lot.remaining - n, forfeited: lot.forfeited + n })),
      };
    default: {
      const _exhaustive: never = event;
      return s;
    }
  }
}
