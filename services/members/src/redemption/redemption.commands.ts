import type { Actor } from '@cs/eventstore';
import type { LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import type { GiftRefusalReason, RedemptionRefusal } from './redemption.values.js';

export type RedemptionActor = Pick<Actor, 'id' | 'role' | 'name'>;

interface Base {
  redemptionId: string;
  now: string;
  actor: RedemptionActor;
}

/** `pointsPrice` comes from the gifts catalogue; absent when the gift cannot be had for points. */
export interface RequestRedemption extends Base {
  type: 'RequestRedemption';
  memberId: string;
  storeId: string;
  giftSku: string;
  quantity: number;
  pointsPrice: number | null;
  rules: LoyaltyRulesInForce;
}

export interface RecordPointsHeld extends Base {
  type: 'RecordPointsHeld';
}

export interface RecordHoldRefused extends Base {
  type: 'RecordHoldRefused';
  reason: RedemptionRefusal;
  available?: number;
}

export interface RecordGiftIssued extends Base {
  type: 'RecordGiftIssued';
  issuanceId: string;
  issuedAt: string;
}

export interface RecordGiftRefused extends Base {
  type: 'RecordGiftRefused';
  reason: GiftRefusalReason;
}

/** The time-out timer fired. */
export interface TimeOutRedemption extends Base {
  type: 'TimeOutRedemption';
}

export interface RecordHoldConfirmed extends Base {
  type: 'RecordHoldConfirmed';
}

export interface RecordHoldReleased extends Base {
  type: 'RecordHoldReleased';
}

export interface RecordLateChargeRefused extends Base {
  type: 'RecordLateChargeRefused';
  reason: RedemptionRefusal;
  available?: number;
}

export type RedemptionCommand =
  | RequestRedemption
  | RecordPointsHeld
  | RecordHoldRefused
  | RecordGiftIssued
  | RecordGiftRefused
  | TimeOutRedemption
  | RecordHoldConfirmed
  | RecordHoldReleased
  | RecordLateChargeRefused;
