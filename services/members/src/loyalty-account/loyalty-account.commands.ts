import type { Actor } from '@cs/eventstore';
import type { LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import type { HoldReleaseReason, PurchaseChannel } from './loyalty-account.values.js';

export type LoyaltyActor = Pick<Actor, 'id' | 'role' | 'name'>;

interface Base {
  memberId: string;
  now: string;
  actor: LoyaltyActor;
}

/** Rules-dependent commands carry the rules in force and their revision, so the events can record it. */
interface Ruled extends Base {
  rules: LoyaltyRulesInForce;
}

export interface OpenLoyaltyAccount extends Ruled {
  type: 'OpenLoyaltyAccount';
  storeId: string;
}

export interface RecordPurchase extends Ruled {
  type: 'RecordPurchase';
  receiptNo: string;
  storeId: string;
  channel: PurchaseChannel;
  amount: number;
  itemCount: number;
  purchasedAt: string;
}

export interface RecordRefund extends Base {
  type: 'RecordRefund';
  refundId: string;
  receiptNo: string;
  amount: number;
}

/** A vesting or expiry timer fired: vest and expire every lot due by `now`, in the order of their instants. */
export interface ProcessDueLots extends Base {
  type: 'ProcessDueLots';
}

export interface HoldPoints extends Base {
  type: 'HoldPoints';
  holdId: string;
  redemptionId: string;
  points: number;
}

export interface ConfirmHold extends Base {
  type: 'ConfirmHold';
  holdId: string;
}

export interface ReleaseHold extends Base {
  type: 'ReleaseHold';
  holdId: string;
  reason: HoldReleaseReason;
}

export interface RunTierReview extends Ruled {
  type: 'RunTierReview';
  /** `YYYY-MM`: the month whose run this is. */
  month: string;
}

export interface MarkMembershipExpiring extends Ruled {
  type: 'MarkMembershipExpiring';
}

export interface ExpireMembership extends Base {
  type: 'ExpireMembership';
}

export interface RenewMembership extends Ruled {
  type: 'RenewMembership';
}

export interface MarkAtRisk extends Ruled {
  type: 'MarkAtRisk';
}

export interface MarkChurned extends Ruled {
  type: 'MarkChurned';
}

export interface CloseLoyaltyAccount extends Base {
  type: 'CloseLoyaltyAccount';
  reason: string;
}

export type LoyaltyAccountCommand =
  | OpenLoyaltyAccount
  | RecordPurchase
  | RecordRefund
  | ProcessDueLots
  | HoldPoints
  | ConfirmHold
  | ReleaseHold
  | RunTierReview
  | MarkMembershipExpiring
  | ExpireMembership
  | RenewMembership
  | MarkAtRisk
  | MarkChurned
  | CloseLoyaltyAccount;
