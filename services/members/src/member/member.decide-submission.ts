import { compact } from '@cs/eventstore';
import type { SubmitApplication, SupplementApplication } from './member.commands.js';
import {
  birthDateInFuture,
  mobileNotChangeable,
  submissionIncomplete,
  supplementBlankField,
  supplementEmpty,
  unknownField,
} from './member.errors.js';
import type { MemberEvent, MemberSupplementableFields } from './member.events.js';
import type { Member } from './member.state.js';
import { isBirthDateInFuture, isFilled, isSupplementableField, missingRequiredFields } from './member.values.js';

function assertBirthDateNotInFuture(birthDate: string | undefined, now: string): void {
  if (birthDate !== undefined && isBirthDateInFuture(birthDate, now)) throw birthDateInFuture(birthDate);
}

/** The store enters the application; HQ's completeness list applies only at review. */
export function decideSubmitApplication(cmd: SubmitApplication): MemberEvent[] {
  const missing = missingRequiredFields(cmd as unknown as Record<string, unknown>, ['storeId', 'name', 'mobile']);
  if (missing.length) throw submissionIncomplete(missing);
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

/** The store completes what HQ sent back; the mobile stays as submitted. */
export function decideSupplementApplication(cmd: SupplementApplication, state: Member): MemberEvent[] {
  const fields = compact({ ...(cmd.fields ?? {}) }) as MemberSupplementableFields & Record<string, unknown>;
  if ('mobile' in fields) throw mobileNotChangeable();
  const names = Object.keys(fields);
  if (!names.length) throw supplementEmpty();
  const unknown = names.filter((name) => !isSupplementableField(name));
  if (unknown.length) throw unknownField(unknown);
  const blank = names.filter((name) => !isFilled(fields[name]));
  if (blank.length) throw supplementBlankField(blank);
  assertBirthDateNotInFuture(fields.birthDate, cmd.now);
  return [
    {
      type: 'MemberApplicationSupplemented',
      data: { memberId: cmd.memberId, storeId: state.storeId, name: fields.name ?? state.name, fields, supplementedBy: cmd.actor.id, supplementedAt: cmd.now },
    },
  ];
}
