import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';
import type { LoyaltyRules, LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import type { LoyaltyActor, LoyaltyAccountCommand } from './loyalty-account.commands.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';

/** Test data for the loyalty account specs. */
export const MEMBER = 'm-1';
export const staff: LoyaltyActor = { id: 'staff-1', role: 'store_staff' };
export const system: LoyaltyActor = { id: 'system', role: 'system' };
export const OPENED = '2026-01-01T00:00:00.000Z';

/** 1 point per yuan, 7 days pending, lots live 365 days, standard/silver(2 000)/gold(5 000)/vip(10 000 CNY). */
export const RULES: LoyaltyRulesInForce = { revision: 1, rules: DEFAULT_LOYALTY_RULES };
export const rulesWith = (overrides: Partial<LoyaltyRules>, revision = 2): LoyaltyRulesInForce => ({
  revision,
  rules: { ...DEFAULT_LOYALTY_RULES, ...overrides },
});

export const day = (n: number, from = OPENED) => new Date(Date.parse(from) + n * 86_400_000).toISOString();

type Cmd<T extends LoyaltyAccountCommand['type']> = Extract<LoyaltyAccountCommand, { type: T }>;
type Extra<T extends LoyaltyAccountCommand['type']> = Partial<Omit<Cmd<T>, 'type'>>;

export function cmd<T extends LoyaltyAccountCommand['type']>(type: T, extra: Extra<T> = {}): Cmd<T> {
  return { type, memberId: MEMBER, now: OPENED, actor: staff, rules: RULES, ...extra } as unknown as Cmd<T>;
}

export const purchase = (receiptNo: string, amount: number, purchasedAt: string, extra: Extra<'RecordPurchase'> = {}) =>
  cmd('RecordPurchase', { receiptNo, storeId: 'store-1', channel: 'store', amount, itemCount: 1, purchasedAt, now: purchasedAt, ...extra });

const by = (actor: LoyaltyActor = staff) => actor.id;

export const opened = (at = OPENED, tier = 'standard'): LoyaltyAccountEvent => ({
  type: 'LoyaltyAccountOpened',
  data: { memberId: MEMBER, storeId: 'store-1', tier, membershipExpiresAt: '2028-01-01T00:00:00.000Z', rulesRevision: 1, at, by: by() },
});

export const purchased = (receiptNo: string, amount: number, at: string): LoyaltyAccountEvent => ({
  type: 'PurchaseRecorded',
  data: { receiptNo, storeId: 'store-1', channel: 'store', amount, itemCount: 1, purchasedAt: at, at, by: by() },
});

export const earned = (receiptNo: string, points: number, at: string, revision = 1): LoyaltyAccountEvent => ({
  type: 'PointsEarned',
  data: {
    lotId: `lot-${receiptNo}`,
    receiptNo,
    points,
    earnedAt: at,
    vestsAt: day(7, at),
    expiresAt: day(365, at),
    rulesRevision: revision,
    at,
    by: by(),
  },
});

export const vested = (receiptNo: string, points: number, purchasedAt: string, at: string): LoyaltyAccountEvent => ({
  type: 'PointsVested',
  data: { lotId: `lot-${receiptNo}`, points, vestedAt: day(7, purchasedAt), at, by: by(system) },
});

/** A purchase of `amount` fen at `at`, its lot, and (optionally) the lot vested. */
export const bought = (receiptNo: string, amount: number, at: string, vest = true): LoyaltyAccountEvent[] => [
  purchased(receiptNo, amount, at),
  earned(receiptNo, Math.floor(amount / 100), at),
  ...(vest ? [vested(receiptNo, Math.floor(amount / 100), at, day(7, at))] : []),
];

export const held = (holdId: string, allocations: Array<{ lotId: string; points: number }>, at = day(10)): LoyaltyAccountEvent => ({
  type: 'PointsHeld',
  data: { holdId, redemptionId: `r-${holdId}`, points: allocations.reduce((s, a) => s + a.points, 0), allocations, at, by: by() },
});
