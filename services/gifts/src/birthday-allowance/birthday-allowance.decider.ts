import type { Decider } from '@cs/eventstore';
import type { BirthdayAllowanceCommand } from './birthday-allowance.commands.js';
import { decideBirthdayAllowance } from './birthday-allowance.decide.js';
import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';
import { evolveBirthdayAllowance } from './birthday-allowance.evolve.js';
import { initialBirthdayAllowanceState, type BirthdayAllowanceState } from './birthday-allowance.state.js';

export const BIRTHDAY_ALLOWANCE_STREAM_TYPE = 'gift-birthday-allowance';
export const birthdayAllowanceStreamId = (memberId: string, year: number): string => `gift-birthday-${memberId}|${year}`;

export const birthdayAllowanceDecider: Decider<BirthdayAllowanceState, BirthdayAllowanceCommand, BirthdayAllowanceEvent> = {
  decide: decideBirthdayAllowance,
  evolve: evolveBirthdayAllowance,
  initialState: initialBirthdayAllowanceState,
};
