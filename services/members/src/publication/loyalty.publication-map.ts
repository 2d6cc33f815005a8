import {
  birthdayGiftDueV1,
  issueRedemptionGiftV1,
  memberAtRiskV1,
  memberChurnedV1,
  memberRetainedV1,
  memberTierChangedV1,
  membershipExpiredV1,
  membershipExpiringV1,
  monthlyRankingPublishedV1,
  pointsEarnedV1,
  pointsExpiredV1,
  pointsRedemptionRequestedV1,
  purchaseRecordedV1,
} from '@cs/contracts';
import type { RecordedEvent } from '@cs/eventstore';
import type { Publication, PublicationContext } from '@cs/messaging';
import type { BirthdayGreetingEvent } from '../birthday-greeting/birthday-greeting.events.js';
import type { LoyaltyAccountEvent } from '../loyalty-account/loyalty-account.events.js';
import type { MonthlyRankingPublished } from '../monthly-ranking/monthly-ranking.events.js';
import type { RedemptionEvent } from '../redemption/redemption.events.js';
import { birthdayGreetingStream, loyaltyAccountStream, memberIdOfAccountStream, redemptionStream } from '../rpc/loyalty-streams.js';


type Descriptor = { type: string; version: number; subject: string };
const pub = (d: Descriptor, data: Record<string, unknown>): Publication[] => [{ type: d.type, version: d.version, subject: d.subject, data }];

/** The aggregate as it was at the event, for the fields the event itself does not carry. */
const stateAt = async <S>(context: PublicationContext, recorded: RecordedEvent, stream: { fold(events: readonly RecordedEvent[]): S }): Promise<S> =>
  stream.fold(await context.streamUpTo(recorded));

/**
 * Stored loyalty events → public contracts, with the member id and store only (no personal data),
 * and the command that asks gifts to issue a redemption gift once the points are held (published
 * by the relay, so its Nats-Msg-Id is the event id gifts deduplicates on).
 */
export async function loyaltyPublicationMap(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  if (recorded.streamType === 'loyalty-account') return accountPublications(recorded, context);
  if (recorded.streamType === 'redemption') return redemptionPublications(recorded, context);
  if (recorded.streamType === 'monthly-ranking' && recorded.type === 'MonthlyRankingPublished') {
    const { month, stores, dueBy, at } = (recorded as unknown as MonthlyRankingPublished).data;
    return stores.map((s) => pub(monthlyRankingPublishedV1, { month, storeId: s.storeId, ranked: s.ranked, publishedAt: at, dueBy })[0]);
  }
  if (recorded.streamType === 'birthday-greeting' && recorded.type === 'BirthdayGiftDue') {
    const g = await stateAt(context, recorded, birthdayGreetingStream);
    const d = (recorded as unknown as BirthdayGreetingEvent & { type: 'BirthdayGiftDue' }).data;
    return g ? pub(birthdayGiftDueV1, { memberId: g.memberId, storeId: g.storeId, birthday: g.birthday, tier: g.tier, callOnTheDay: g.callOnTheDay, dueAt: d.dueAt }) : [];
  }
  return [];
}

async function accountPublications(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  const event = { type: recorded.type, data: recorded.data } as LoyaltyAccountEvent;
  const memberId = memberIdOfAccountStream(recorded.streamId);
  const storeOf = async () => (await stateAt(context, recorded, loyaltyAccountStream))?.storeId ?? '';
  switch (event.type) {
    case 'PurchaseRecorded': {
      const { at, by: _by, ...d } = event.data;
      return pub(purchaseRecordedV1, { memberId, ...d, recordedAt: at });
    }
    case 'PointsEarned': {
      const { lotId, receiptNo, points, earnedAt, vestsAt, expiresAt } = event.data;
      return pub(pointsEarnedV1, { memberId, lotId, receiptNo, points, earnedAt, vestsAt, expiresAt });
    }
    case 'PointsExpired':
      return event.data.points > 0 ? pub(pointsExpiredV1, { memberId, lotId: event.data.lotId, points: event.data.points, expiredAt: event.data.expiredAt }) : [];
    case 'TierChanged': {
      const { from, to, direction, reason, netSpend12m, rulesRevision, at } = event.data;
      return pub(memberTierChangedV1, { memberId, from, to, direction, reason, netSpend12m, rulesRevision, changedAt: at });
    }
    case 'MembershipExpiring':
      return pub(membershipExpiringV1, { memberId, storeId: await storeOf(), expiresAt: event.data.expiresAt, noticeDays: event.data.noticeDays, noticedAt: event.data.at });
    case 'MembershipExpired':
      return pub(membershipExpiredV1, { memberId, storeId: await storeOf(), expiresAt: event.data.expiresAt });
    case 'MemberAtRisk':
    case 'MemberChurned': {
      const { lastActivityAt, inactiveDays, at } = event.data;
      return pub(event.type === 'MemberAtRisk' ? memberAtRiskV1 : memberChurnedV1, { memberId, storeId: await storeOf(), lastActivityAt, inactiveDays, markedAt: at });
    }
    case 'MemberRetained':
      return pub(memberRetainedV1, { memberId, storeId: await storeOf(), receiptNo: event.data.receiptNo, previousStatus: event.data.previousStatus, retainedAt: event.data.at });
    default:
      return [];
  }
}

async function redemptionPublications(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  const event = { type: recorded.type, data: recorded.data } as RedemptionEvent;
  if (event.type === 'RedemptionRequested') {
    const { redemptionId, memberId, storeId, giftSku, quantity, points, at } = event.data;
    return pub(pointsRedemptionRequestedV1, { redemptionId, memberId, storeId, giftSku, quantity, points, requestedAt: at });
  }
  if (event.type === 'RedemptionPointsHeld') {
    const r = await stateAt(context, recorded, redemptionStream);
    if (!r) return [];
    return pub(issueRedemptionGiftV1, {
      redemptionId: r.redemptionId,
      memberId: r.memberId,
      storeId: r.storeId,
      giftSku: r.giftSku,
      quantity: r.quantity,
      pointsCost: r.points,
      requestedAt: r.requestedAt,
    });
  }
  return [];
}
