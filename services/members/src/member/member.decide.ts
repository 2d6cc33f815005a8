import type { MemberCommand } from './member.commands.js';
import { decideReviewApplication } from './member.decide-review.js';
import { decideSubmitApplication, decideSupplementApplication } from './member.decide-submission.js';
import { memberAlreadyExists, memberNotFound } from './member.errors.js';
import type { MemberEvent } from './member.events.js';
import { memberLifecycle } from './member.lifecycle.js';
import type { MemberState } from './member.state.js';

export function decideMember(command: MemberCommand, state: MemberState): MemberEvent[] {
  if (command.type === 'SubmitApplication') {
    if (state) throw memberAlreadyExists(command.memberId);
    return decideSubmitApplication(command);
  }
  if (!state) throw memberNotFound(command.memberId);
  memberLifecycle.require(command.type, state.status);

  switch (command.type) {
    case 'ReviewApplication':
      return decideReviewApplication(command, state);
    case 'SupplementApplication':
      return decideSupplementApplication(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown member command ${(_exhaustive as { type?: string }).type}`);
    }
  }
}
