import { aggregateStream } from '@cs/eventstore';
import { birthdayGreetingDecider, birthdayGreetingStreamId, BIRTHDAY_GREETING_STREAM_TYPE } from '../birthday-greeting/birthday-greeting.decider.js';
import { loyaltyAccountDecider, loyaltyAccountStreamId, LOYALTY_ACCOUNT_STREAM_TYPE } from '../loyalty-account/loyalty-account.decider.js';
import { loyaltyConfigDecider, loyaltyConfigStreamId, LOYALTY_CONFIG_STREAM_TYPE } from '../loyalty-config/loyalty-config.decider.js';
import { monthlyRankingDecider, monthlyRankingStreamId, MONTHLY_RANKING_STREAM_TYPE } from '../monthly-ranking/monthly-ranking.decider.js';
import { redemptionDecider, redemptionStreamId, REDEMPTION_STREAM_TYPE } from '../redemption/redemption.decider.js';

/** The loyalty aggregates' streams: `.spec(id)` for commands, `.load(host, id, asOf?)` and `.fold(events)` for reads. */
export const loyaltyConfigStream = aggregateStream({ decider: loyaltyConfigDecider, streamType: LOYALTY_CONFIG_STREAM_TYPE, streamId: loyaltyConfigStreamId });
export const loyaltyAccountStream = aggregateStream({ decider: loyaltyAccountDecider, streamType: LOYALTY_ACCOUNT_STREAM_TYPE, streamId: loyaltyAccountStreamId });
export const redemptionStream = aggregateStream({ decider: redemptionDecider, streamType: REDEMPTION_STREAM_TYPE, streamId: redemptionStreamId });
export const monthlyRankingStream = aggregateStream({ decider: monthlyRankingDecider, streamType: MONTHLY_RANKING_STREAM_TYPE, streamId: monthlyRankingStreamId });
export const birthdayGreetingStream = aggregateStream({
  decider: birthdayGreetingDecider,
  streamType: BIRTHDAY_GREETING_STREAM_TYPE,
  streamId: birthdayGreetingStreamId,
});

export const memberIdOfAccountStream = (streamId: string) => streamId.slice(LOYALTY_ACCOUNT_STREAM_TYPE.length + 1);
export const redemptionIdOfStream = (streamId: string) => streamId.slice(REDEMPTION_STREAM_TYPE.length + 1);
export const greetingIdOfStream = (streamId: string) => streamId.slice(BIRTHDAY_GREETING_STREAM_TYPE.length + 1);
