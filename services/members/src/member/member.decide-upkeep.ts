import { compact } from '@cs/eventstore';
import type { ChangeMemberContact, CloseMembership, RecordIdentityCheck, UpdateMarketingConsent, UpdateMemberPreferences } from './member.commands.js';
import { closeReasonRequired, contactBlankField, contactChangeEmpty } from './member.errors.js';
import type { MemberEvent } from './member.events.js';
import type { Member } from './member.state.js';
import { isFilled } from './member.values.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only what differs is recorded; the same contact again changes nothing. */
export function decideChangeContact(cmd: ChangeMemberContact, state: Member): MemberEvent[] {
  const given = compact({ mobile: cmd.mobile, email: cmd.email, postalAddress: cmd.postalAddress });
  const names = Object.keys(given) as (keyof typeof given)[];
  if (!names.length) throw contactChangeEmpty();
  const blank = names.filter((n) => !isFilled(given[n]));
  if (blank.length) throw contactBlankField(blank);
  const changes = Object.fromEntries(names.filter((n) => given[n] !== state[n]).map((n) => [n, given[n]]));
  if (!Object.keys(changes).length) return [];
  return [
    {
      type: 'MemberContactChanged',
      data: compact({
        memberId: state.memberId,
        storeId: state.storeId,
        changes,
        previousMobile: changes.mobile ? state.mobile : undefined,
        changedBy: cmd.actor.id,
        changedAt: cmd.now,
      }),
    },
  ];
}

export function decideUpdatePreferences(cmd: UpdateMemberPreferences, state: Member): MemberEvent[] {
  const preferences = compact({ ...cmd.preferences });
  if (same(preferences, state.preferences)) return [];
  return [{ type: 'MemberPreferencesUpdated', data: { memberId: state.memberId, storeId: state.storeId, preferences, updatedBy: cmd.actor.id, updatedAt: cmd.now } }];
}

/** Consent per channel (R: marketing contact only with consent); unnamed channels keep their value. */
export function decideUpdateConsent(cmd: UpdateMarketingConsent, state: Member): MemberEvent[] {
  const marketingConsent = { ...state.marketingConsent, ...compact({ ...cmd.marketingConsent }) };
  if (same(marketingConsent, state.marketingConsent)) return [];
  return [{ type: 'MemberConsentUpdated', data: { memberId: state.memberId, storeId: state.storeId, marketingConsent, updatedBy: cmd.actor.id, updatedAt: cmd.now } }];
}

export function decideIdentityCheck(cmd: RecordIdentityCheck, state: Member): MemberEvent[] {
  return [
    {
      type: 'MemberIdentityChecked',
      data: compact({ memberId: state.memberId, method: cmd.method, passed: cmd.passed, caseRef: cmd.caseRef, checkedBy: cmd.actor.id, checkedAt: cmd.now }),
    },
  ];
}

export function decideClose(cmd: CloseMembership, state: Member): MemberEvent[] {
  if (!cmd.reason?.trim()) throw closeReasonRequired();
  return [
    {
      type: 'MemberClosed',
      data: compact({
        memberId: state.memberId,
        storeId: state.storeId,
        reason: cmd.reason.trim(),
        mobile: state.mobile,
        gender: state.gender,
        birthYearMonth: state.birthDate?.slice(0, 7),
        closedBy: cmd.actor.id,
        closedAt: cmd.now,
      }),
    },
  ];
}
