import type { MemberCommand, ReviewApplication, SubmitApplication, SupplementApplication } from './member.commands.js';
import type { MemberEvent, MemberSupplementableFields } from './member.events.js';
import { MemberErrorCodes as E, memberConflict, memberNotFound, memberRule } from './member.errors.js';
import {
  DEFAULT_REQUIRED_MEMBER_FIELDS,
  isBirthDateInFuture,
  isFilled,
  isMemberField,
  isSupplementableField,
  missingRequiredFields,
} from './member.policy.js';
import type { MemberState } from './member.state.js';

export function decide(command: MemberCommand, state: MemberState): MemberEvent[] {
  switch (command.type) {
    case 'SubmitApplication':
      return submit(command, state);
    case 'ReviewApplication':
      return review(command, state);
    case 'SupplementApplication':
      return supplement(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown member command ${(command as { type?: string }).type}`);
    }
  }
}

function submit(cmd: SubmitApplication, state: MemberState): MemberEvent[] {
  if (state.status !== 'none') {
    throw memberConflict(E.AlreadyExists, `Member ${cmd.memberId} already exists`, { memberId: cmd.memberId });
  }
  const missing = missingRequiredFields(cmd as unknown as Record<string, unknown>, ['storeId', 'name', 'mobile']);
  if (missing.length) {
    throw memberRule(E.SubmissionIncomplete, `The application lacks ${missing.join(', ')}`, { missingFields: missing });
  }
  assertBirthDateNotInFuture(cmd.birthDate, cmd.now);
  return [
    {
      type: 'MemberApplicationSubmitted',
      data: compact({
        memberId: cmd.memberId,
        storeId: cmd.storeId,
        applicationNo: cmd.applicationNo,
        name: cmd.name,
        mobile: cmd.mobile,
        gender: cmd.gender,
        birthDate: cmd.birthDate,
        email: cmd.email,
        postalAddress: cmd.postalAddress,
        preferences: cmd.preferences,
        marketingConsent: cmd.marketingConsent,
        status: 'pending_review' as const,
        submittedAt: cmd.now,
        registeredBy: cmd.actor.id,
      }),
    },
  ];
}

function review(cmd: ReviewApplication, state: MemberState): MemberEvent[] {
  if (state.status === 'none') throw memberNotFound(cmd.memberId);
  if (state.status !== 'pending_review') {
    throw memberConflict(E.NotPendingReview, `Member ${cmd.memberId} is ${state.status}, not pending review`, {
      status: state.status,
    });
  }
  const note = isFilled(cmd.note) ? cmd.note : undefined;

  if (cmd.decision === 'approve') {
    const requiredFields = cmd.requiredFields ?? DEFAULT_REQUIRED_MEMBER_FIELDS;
    assertKnownFields(requiredFields);
    const missing = missingRequiredFields(state as unknown as Record<string, unknown>, requiredFields);
    if (missing.length) {
      throw memberRule(E.Incomplete, `Member ${cmd.memberId} is incomplete: ${missing.join(', ')}`, {
        missingFields: missing,
      });
    }
    if (!isFilled(cmd.memberNo)) throw memberRule(E.MemberNoRequired, 'Approval needs an assigned member number');
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
  if (!missingFields.length) {
    throw memberRule(E.MissingFieldsRequired, 'A supplement request must name the missing fields');
  }
  assertKnownFields(missingFields);
  const notSupplementable = missingFields.filter((field) => !isSupplementableField(field));
  if (notSupplementable.length) {
    throw memberRule(E.FieldNotSupplementable, `Cannot be supplemented: ${notSupplementable.join(', ')}`, {
      fields: notSupplementable,
    });
  }
  return [
    {
      type: 'MemberSupplementRequested',
      data: compact({ memberId: cmd.memberId, storeId: state.storeId, name: state.name, missingFields, note, requestedBy: cmd.actor.id, requestedAt: cmd.now }),
    },
  ];
}

function supplement(cmd: SupplementApplication, state: MemberState): MemberEvent[] {
  if (state.status === 'none') throw memberNotFound(cmd.memberId);
  if (state.status !== 'needs_supplement') {
    throw memberConflict(E.NotAwaitingSupplement, `Member ${cmd.memberId} is ${state.status}, not awaiting a supplement`, {
      status: state.status,
    });
  }
  const fields = compact({ ...(cmd.fields ?? {}) }) as MemberSupplementableFields & Record<string, unknown>;
  if ('mobile' in fields) throw memberRule(E.MobileNotChangeable, 'The mobile number cannot be changed by a supplement');
  const names = Object.keys(fields);
  if (!names.length) throw memberRule(E.SupplementEmpty, 'A supplement must provide at least one field');
  const unknown = names.filter((name) => !isSupplementableField(name));
  if (unknown.length) {
    throw memberRule(E.UnknownField, `Unknown member fields: ${unknown.join(', ')}`, { fields: unknown });
  }
  const blank = names.filter((name) => !isFilled(fields[name]));
  if (blank.length) {
    throw memberRule(E.SupplementBlankField, `Supplemented fields are blank: ${blank.join(', ')}`, { fields: blank });
  }
  assertBirthDateNotInFuture(fields.birthDate, cmd.now);
  return [
    {
      type: 'MemberApplicationSupplemented',
      data: { memberId: cmd.memberId, storeId: state.storeId, name: fields.name ?? state.name, fields, supplementedBy: cmd.actor.id, supplementedAt: cmd.now },
    },
  ];
}

function assertKnownFields(fields: readonly string[]): void {
  const unknown = fields.filter((field) => !isMemberField(field));
  if (unknown.length) {
    throw memberRule(E.UnknownField, `Unknown member fields: ${unknown.join(', ')}`, { fields: unknown });
  }
}

function assertBirthDateNotInFuture(birthDate: string | undefined, now: string): void {
  if (birthDate !== undefined && isBirthDateInFuture(birthDate, now)) {
    throw memberRule(E.BirthDateInFuture, `Birth date ${birthDate} is in the future`, { birthDate });
  }
}

/** Drops undefined properties so events stay plain JSON. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
