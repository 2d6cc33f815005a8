import { fold, type RecordedEvent } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { BIRTHDAY_GREETING_STREAM_TYPE, birthdayGreetingDecider, birthdayGreetingStreamId } from '../birthday-greeting/birthday-greeting.decider.js';
import { DEFAULT_LOYALTY_CONFIG_ID, LOYALTY_CONFIG_STREAM_TYPE, loyaltyConfigDecider, loyaltyConfigStreamId } from '../loyalty-config/loyalty-config.decider.js';
import { LOYALTY_ACCOUNT_STREAM_TYPE, loyaltyAccountDecider, loyaltyAccountStreamId } from '../loyalty-account/loyalty-account.decider.js';
import type { LoyaltyAccountEvent } from '../loyalty-account/loyalty-account.events.js';
import type { LoyaltyAccountState } from '../loyalty-account/loyalty-account.state.js';
import { MONTHLY_RANKING_STREAM_TYPE, monthlyRankingDecider, monthlyRankingStreamId } from '../monthly-ranking/monthly-ranking.decider.js';
import { REDEMPTION_STREAM_TYPE, redemptionDecider, redemptionStreamId } from '../redemption/redemption.decider.js';
import type { RedemptionEvent } from '../redemption/redemption.events.js';
import type { RedemptionState } from '../redemption/redemption.state.js';

export const loyaltyConfigSpec = () => ({
  streamId: loyaltyConfigStreamId(DEFAULT_LOYALTY_CONFIG_ID),
  streamType: LOYALTY_CONFIG_STREAM_TYPE,
  decider: loyaltyConfigDecider,
});

export const loyaltyAccountSpec = (memberId: string) => ({
  streamId: loyaltyAccountStreamId(memberId),
  streamType: LOYALTY_ACCOUNT_STREAM_TYPE,
  decider: loyaltyAccountDecider,
});

export const redemptionSpec = (redemptionId: string) => ({
  streamId: redemptionStreamId(redemptionId),
  streamType: REDEMPTION_STREAM_TYPE,
  decider: redemptionDecider,
});

export const monthlyRankingSpec = (month: string) => ({
  streamId: monthlyRankingStreamId(month),
  streamType: MONTHLY_RANKING_STREAM_TYPE,
  decider: monthlyRankingDecider,
});

export const birthdayGreetingSpec = (greetingId: string) => ({
  streamId: birthdayGreetingStreamId(greetingId),
  streamType: BIRTHDAY_GREETING_STREAM_TYPE,
  decider: birthdayGreetingDecider,
});

export const memberIdOfAccountStream = (streamId: string) => streamId.slice(LOYALTY_ACCOUNT_STREAM_TYPE.length + 1);
export const redemptionIdOfStream = (streamId: string) => streamId.slice(REDEMPTION_STREAM_TYPE.length + 1);

/** The member's points ledger, optionally as it stood at `asOf`. */
export async function loadAccount(host: ServiceHost, memberId: string, asOf?: Date) {
  const read = await host.store.readStream(loyaltyAccountStreamId(memberId), { asOf });
  const state: LoyaltyAccountState = fold(loyaltyAccountDecider, read.events as unknown as LoyaltyAccountEvent[]);
  return { state, version: read.version, events: read.events as RecordedEvent[] };
}

export async function loadRedemption(host: ServiceHost, redemptionId: string) {
  const read = await host.store.readStream(redemptionStreamId(redemptionId));
  const state: RedemptionState = fold(redemptionDecider, read.events as unknown as RedemptionEvent[]);
  return { state, version: read.version };
}
