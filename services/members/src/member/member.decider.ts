import type { Decider } from '@cs/eventstore';
import type { MemberCommand } from './member.commands.js';
import { decideMember } from './member.decide.js';
import type { MemberEvent } from './member.events.js';
import { evolveMember } from './member.evolve.js';
import { initialMemberState, type MemberState } from './member.state.js';

export const MEMBER_STREAM_TYPE = 'member';

export const memberStreamId = (memberId: string): string => `member-${memberId}`;

export const memberDecider: Decider<MemberState, MemberCommand, MemberEvent> = {
  decide: decideMember,
  evolve: evolveMember,
  initialState: initialMemberState,
};
