import type { Decider } from '@cs/eventstore';
import type { MemberCommand } from './member.commands.js';
import { decide } from './member.decide.js';
import type { MemberEvent } from './member.events.js';
import { evolve, initialState, type MemberState } from './member.state.js';

export const MEMBER_STREAM_TYPE = 'member';

export const memberStreamId = (memberId: string): string => `member-${memberId}`;

export const memberDecider: Decider<MemberState, MemberCommand, MemberEvent> = { decide, evolve, initialState };
