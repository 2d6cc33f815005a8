import { defineLifecycle, type DomainError } from '@cs/eventstore';
import type { MemberCommand } from './member.commands.js';
import { invalidTransition, notAwaitingSupplement, notPendingReview } from './member.errors.js';
import type { MemberEvent } from './member.events.js';
import { MEMBER_STATUSES, type MemberStatus } from './member.values.js';

function refuse(command: MemberCommand['type'], status: MemberStatus | undefined): DomainError | undefined {
  // No member yet: the decider answers not found before asking the lifecycle.
  if (status === undefined) return undefined;
  switch (command) {
    case 'ReviewApplication':
      return notPendingReview(status);
    case 'SupplementApplication':
      return notAwaitingSupplement(status);
    default:
      return invalidTransition(command, status);
  }
}

/**
 * A member application (R84): the store submits it, HQ reviews it and either activates the
 * member or sends it back for a supplement, and the store's supplement returns it to review.
 */
export const memberLifecycle = defineLifecycle<MemberStatus, MemberCommand, MemberEvent>({
  name: 'member',
  statuses: MEMBER_STATUSES,
  terminal: [],
  settled: ['active'],
  commands: {
    SubmitApplication: 'create',
    ReviewApplication: ['pending_review'],
    SupplementApplication: ['needs_supplement'],
  },
  events: {
    MemberApplicationSubmitted: 'pending_review',
    MemberApproved: 'active',
    MemberSupplementRequested: 'needs_supplement',
    MemberApplicationSupplemented: 'pending_review',
  },
  refuse,
});
