import { defineLifecycle } from '@cs/eventstore';
import type { LoyaltyAccountCommand } from './loyalty-account.commands.js';
import type { LoyaltyAccountEvent } from './loyalty-account.events.js';
import type { LoyaltyAccountStatus } from './loyalty-account.state.js';

const LIVE: LoyaltyAccountStatus[] = ['active', 'at_risk', 'churned', 'expired'];
const MEMBER: LoyaltyAccountStatus[] = ['active', 'at_risk', 'churned'];

/** Timer and run commands are no-ops outside their statuses (a timer may fire late); the others are refused. */
export const LOYALTY_SCHEDULED_COMMANDS: readonly LoyaltyAccountCommand['type'][] = [
  'ProcessDueLots',
  'RunTierReview',
  'MarkMembershipExpiring',
  'ExpireMembership',
  'MarkAtRisk',
  'MarkChurned',
];

export const loyaltyAccountLifecycle = defineLifecycle<LoyaltyAccountStatus, LoyaltyAccountCommand, LoyaltyAccountEvent>({
  name: 'loyalty account',
  statuses: ['active', 'at_risk', 'churned', 'expired', 'closed'],
  terminal: ['closed'],
  commands: {
    OpenLoyaltyAccount: 'create',
    RecordPurchase: LIVE,
    RecordRefund: LIVE,
    ProcessDueLots: LIVE,
    HoldPoints: MEMBER,
    ConfirmHold: LIVE,
    ReleaseHold: LIVE,
    RunTierReview: LIVE,
    MarkMembershipExpiring: MEMBER,
    ExpireMembership: MEMBER,
    RenewMembership: LIVE,
    MarkAtRisk: ['active'],
    MarkChurned: ['at_risk'],
    CloseLoyaltyAccount: LIVE,
  },
  events: {
    LoyaltyAccountOpened: 'active',
    PurchaseRecorded: 'unchanged',
    PointsEarned: 'unchanged',
    PointsVested: 'unchanged',
    PointsExpired: 'unchanged',
    RefundRecorded: 'unchanged',
    PointsReversed: 'unchanged',
    PointsDebtSettled: 'unchanged',
    PointsHeld: 'unchanged',
    PointsRedeemed: 'unchanged',
    PointsHoldReleased: 'unchanged',
    TierChanged: 'unchanged',
    TierReviewed: 'unchanged',
    MembershipExpiring: 'unchanged',
    MembershipExpired: 'expired',
    MembershipRenewed: (before) => (before === 'expired' ? 'active' : before),
    MemberAtRisk: 'at_risk',
    MemberChurned: 'churned',
    MemberRetained: 'active',
    LoyaltyAccountClosed: 'closed',
  },
});
