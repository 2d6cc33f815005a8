import type { Decider } from '@cs/eventstore';
import type { BirthdayAllowanceCommand } from './birthday-allowance.commands.js';
import { decideBirthdayAllowance } from './birthday-allowance.decide.js';
import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';
import { evolveBirthdayAllowance } from './birthday-allowance.evolve.js';
import { initialBirthdayAllowanceState, type BirthdayAllowanceState } from './birthday-allowance.state.js';

export const BIRTHDAY_ALLOWANCE_STREAM_TYPE = 'gift-birthday-allowance';
/** One member's allowance of one calendar year. */
export const birthdayKey = (memberId: string, year: number): string => `${memberId}|${year}`;
export const birthdayAllowanceStreamId = (key: string): string => `gift-birthday-${key}`;

export const birthdayAllowanceDecider: Decider<BirthdayAllowanceState, BirthdayAllowanceCommand, BirthdayAllowanceEvent> = {
  decide: decideBirthdayAllowance,
  evolve: evolveBirthdayAllowance,
  initialState: initialBirthdayAllowanceState,
};
