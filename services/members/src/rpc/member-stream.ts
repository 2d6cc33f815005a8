import { fold, type RecordedEvent } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { memberDecider, memberStreamId, MEMBER_STREAM_TYPE } from '../member/member.decider.js';
import type { MemberEvent } from '../member/member.events.js';
import type { MemberState } from '../member/member.state.js';

export const memberSpec = (memberId: string) => ({
  streamId: memberStreamId(memberId),
  streamType: MEMBER_STREAM_TYPE,
  decider: memberDecider,
});

/** The member's state folded from its stream, optionally as it was at `asOf`. */
export async function loadMember(host: ServiceHost, memberId: string, asOf?: Date): Promise<{ state: MemberState; version: number; events: RecordedEvent[] }> {
  const read = await host.store.readStream(memberStreamId(memberId), { asOf });
  const state = fold(memberDecider, read.events as unknown as MemberEvent[]);
  return { state, version: read.version, events: read.events };
}
