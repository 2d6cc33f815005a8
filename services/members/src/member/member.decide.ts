import type { MemberCommand } from './member.commands.js';
import { decideReviewApplication } from './member.decide-review.js';
import { decideRegisterOnlineMember, decideSubmitApplication, decideSupplementApplication } from './member.decide-submission.js';
import { decideChangeContact, decideClose, decideIdentityCheck, decideUpdateConsent, decideUpdatePreferences } from './member.decide-upkeep.js';
import { memberAlreadyExists, memberNotFound } from './member.errors.js';
import type { MemberEvent } from './member.events.js';
import { memberLifecycle } from './member.lifecycle.js';
import type { MemberState } from './member.state.js';

export function decideMember(command: MemberCommand, state: MemberState): MemberEvent[] {
  if (command.type === 'SubmitApplication' || command.type === 'RegisterOnlineMember') {
    if (state) throw memberAlreadyExists(command.memberId);
    return command.type === 'SubmitApplication' ? decideSubmitApplication(command) : decideRegisterOnlineMember(command);
  }
  if (!state) throw memberNotFound(command.memberId);
  memberLifecycle.require(command.type, state.status);

  switch (command.type) {
    case 'ReviewApplication':
      return decideReviewApplication(command, state);
    case 'SupplementApplication':
      return decideSupplementApplication(command, state);
    case 'ChangeMemberContact':
      return decideChangeContact(command, state);
    case 'UpdateMemberPreferences':
      return decideUpdatePreferences(command, state);
    case 'UpdateMarketingConsent':
      return decideUpdateConsent(command, state);
    case 'RecordIdentityCheck':
      return decideIdentityCheck(command, state);
    case 'CloseMembership':
      return decideClose(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown member command ${(_exhaustive as { type?: string }).type}`);
    }
  }
}
