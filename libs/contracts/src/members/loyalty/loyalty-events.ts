import type { IntegrationEventDescriptor } from '../../envelope.js';
import { birthdayGiftDueV1 } from './birthday-gift-due.v1.js';
import { memberAtRiskV1 } from './member-at-risk.v1.js';
import { memberChurnedV1 } from './member-churned.v1.js';
import { memberRetainedV1 } from './member-retained.v1.js';
import { memberTierChangedV1 } from './member-tier-changed.v1.js';
import { membershipExpiredV1 } from './membership-expired.v1.js';
import { membershipExpiringV1 } from './membership-expiring.v1.js';
import { pointsEarnedV1 } from './points-earned.v1.js';
import { pointsExpiredV1 } from './points-expired.v1.js';
import { pointsRedemptionRequestedV1 } from './points-redemption-requested.v1.js';
import { monthlyRankingPublishedV1 } from './monthly-ranking-published.v1.js';
import { purchaseRecordedV1 } from './purchase-recorded.v1.js';

/** Every loyalty integration event the members service publishes. */
export const MembersLoyaltyEvents = [
  purchaseRecordedV1,
  pointsEarnedV1,
  pointsExpiredV1,
  memberTierChangedV1,
  membershipExpiringV1,
  membershipExpiredV1,
  birthdayGiftDueV1,
  memberAtRiskV1,
  memberChurnedV1,
  memberRetainedV1,
  pointsRedemptionRequestedV1,
  monthlyRankingPublishedV1,
] as const satisfies readonly IntegrationEventDescriptor[];
