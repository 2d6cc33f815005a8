import type { Event } from '@cs/eventstore';
import type { GiftRefusalReason, RedemptionRefusal } from './redemption.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type RedemptionRequested = Event<
  'RedemptionRequested',
  {
    redemptionId: string;
    memberId: string;
    storeId: string;
    giftSku: string;
    quantity: number;
    pointsPrice: number;
    points: number;
    holdId: string;
    /** Past this instant without an answer from gifts, the held points are released. */
    timeoutAt: string;
    rulesRevision: number;
  } & Stamp
>;

export type RedemptionPointsHeld = Event<'RedemptionPointsHeld', { holdId: string } & Stamp>;

export type RedemptionRefused = Event<'RedemptionRefused', { reason: RedemptionRefusal; available?: number } & Stamp>;

export type RedemptionGiftIssued = Event<'RedemptionGiftIssued', { issuanceId: string; issuedAt: string } & Stamp>;

export type RedemptionGiftRefused = Event<'RedemptionGiftRefused', { reason: GiftRefusalReason } & Stamp>;

export type RedemptionTimedOut = Event<'RedemptionTimedOut', { timeoutAt: string } & Stamp>;

export type RedemptionConfirmed = Event<'RedemptionConfirmed', { holdId: string; points: number } & Stamp>;

export type RedemptionReleased = Event<'RedemptionReleased', { holdId: string; reason: 'gift_refused' | 'timed_out' } & Stamp>;

/** Gifts issued after members gave up waiting: the member has the gift, so the points are charged if they still can be. */
export type RedemptionGiftIssuedLate = Event<
  'RedemptionGiftIssuedLate',
  { issuanceId: string; issuedAt: string; lateHoldId: string } & Stamp
>;

/** The late gift could not be charged: HQ decides (reverse the issuance, or settle with the member). */
export type RedemptionNeedsAttention = Event<'RedemptionNeedsAttention', { issuanceId: string; reason: RedemptionRefusal; available?: number } & Stamp>;

export type RedemptionEvent =
  | RedemptionRequested
  | RedemptionPointsHeld
  | RedemptionRefused
  | RedemptionGiftIssued
  | RedemptionGiftRefused
  | RedemptionTimedOut
  | RedemptionConfirmed
  | RedemptionReleased
  | RedemptionGiftIssuedLate
  | RedemptionNeedsAttention;
