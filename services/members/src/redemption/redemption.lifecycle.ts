import { defineLifecycle } from '@cs/eventstore';
import type { RedemptionCommand } from './redemption.commands.js';
import type { RedemptionEvent } from './redemption.events.js';
import type { RedemptionStatus } from './redemption.state.js';

export const redemptionLifecycle = defineLifecycle<RedemptionStatus, RedemptionCommand, RedemptionEvent>({
  name: 'redemption',
  statuses: ['requested', 'points_held', 'gift_issued', 'releasing', 'late_issued', 'confirmed', 'released', 'refused', 'needs_attention'],
  terminal: ['confirmed', 'refused', 'needs_attention'],
  // a gift may still be reported issued after the release
  settled: ['released'],
  commands: {
    RequestRedemption: 'create',
    RecordPointsHeld: ['requested', 'points_held'],
    RecordHoldRefused: ['requested'],
    RecordGiftIssued: ['points_held', 'gift_issued', 'confirmed', 'releasing', 'released', 'late_issued', 'needs_attention'],
    RecordGiftRefused: ['points_held', 'releasing', 'released'],
    TimeOutRedemption: ['points_held'],
    RecordHoldConfirmed: ['gift_issued', 'late_issued', 'confirmed'],
    RecordHoldReleased: ['releasing', 'late_issued', 'released'],
    RecordLateChargeRefused: ['late_issued'],
  },
  events: {
    RedemptionRequested: 'requested',
    RedemptionPointsHeld: 'points_held',
    RedemptionRefused: 'refused',
    RedemptionGiftIssued: 'gift_issued',
    RedemptionGiftRefused: 'releasing',
    RedemptionTimedOut: 'releasing',
    RedemptionConfirmed: 'confirmed',
    RedemptionReleased: (before) => (before === 'late_issued' ? 'late_issued' : 'released'),
    RedemptionGiftIssuedLate: 'late_issued',
    RedemptionNeedsAttention: 'needs_attention',
  },
});
