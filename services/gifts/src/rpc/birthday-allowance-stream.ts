import { aggregateStream } from '@cs/eventstore';
import { BIRTHDAY_ALLOWANCE_STREAM_TYPE, birthdayAllowanceDecider, birthdayAllowanceStreamId } from '../birthday-allowance/birthday-allowance.decider.js';

/** Where a member's birthday gift of a year, by `birthdayKey(memberId, year)` lives in the log. */
export const birthdayAllowanceStream = aggregateStream({ decider: birthdayAllowanceDecider, streamType: BIRTHDAY_ALLOWANCE_STREAM_TYPE, streamId: birthdayAllowanceStreamId });
