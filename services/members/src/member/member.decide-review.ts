import { compact } from '@cs/eventstore';
import type { ReviewApplication } from './member.commands.js';
import { fieldNotSupplementable, memberIncomplete, memberNoRequired, missingFieldsRequired, unknownField } from './member.errors.js';
import type { MemberEvent } from './member.events.js';
import type { Member } from './member.state.js';
import { DEFAULT_REQUIRED_MEMBER_FIELDS, isFilled, isMemberField, isSupplementableField, missingRequiredFields } from './member.values.js';

function assertKnownFields(fields: readonly string[]): void {
  const unknown = fields.filter((field) => !isMemberField(field));
  if (unknown.length) throw unknownField(unknown);
}

/** HQ approves a complete application (R84) or sends it back naming what is missing. */
export function decideReviewApplication(cmd: ReviewApplication, state: Member): MemberEvent[] {
  const note = isFilled(cmd.note) ? cmd.note : undefined;

  if (cmd.decision === 'approve') {
    const requiredFields = cmd.requiredFields ?? DEFAULT_REQUIRED_MEMBER_FIELDS;
    assertKnownFields(requiredFields);
    const missing = missingRequiredFields(state as unknown as Record<string, unknown>, requiredFields);
    if (missing.length) throw memberIncomplete(cmd.memberId, missing);
    if (!isFilled(cmd.memberNo)) throw memberNoRequired();
    return [
      {
        type: 'MemberApproved',
        data: compact({
          memberId: cmd.memberId,
          storeId: state.storeId,
          name: state.name,
          memberNo: cmd.memberNo as string,
          activatedAt: cmd.now,
          reviewedBy: cmd.actor.id,
          note,
        }),
      },
    ];
  }

  const missingFields = [...new Set(cmd.missingFields ?? [])];
  if (!missingFields.length) throw missingFieldsRequired();
  assertKnownFields(missingFields);
  const notSupplementable = missingFields.filter((field) => !isSupplementableField(field));
  if (notSupplementable.length) throw fieldNotSupplementable(notSupplementable);
  return [
    {
      type: 'MemberSupplementRequested',
      data: compact({ memberId: cmd.memberId, storeId: state.storeId, name: state.name, missingFields, note, requestedBy: cmd.actor.id, requestedAt: cmd.now }),
    },
  ];
}
