import type { Projection, RecordedEvent } from '@cs/eventstore';
import { inRounds, type OrmTx } from '@cs/nest-common';
import type { Repository } from 'typeorm';
import type { MemberApplicationSubmitted, MemberEvent } from '../../member/member.events.js';
import { memberLifecycle } from '../../member/member.lifecycle.js';
import { CLOSED_MEMBER_NAME, MEMBER_FIELDS, type MemberStatus } from '../../member/member.values.js';
import { ERASED } from '../../personal-data/field-cipher.js';
import { MemberListRow } from './member-list.entity.js';

/** Day of an instant in a time zone, as YYYY-MM-DD (the review queue's "day of entry"). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(instant: string, timeZone: string): string {
  // building a formatter costs far more than formatting (it was 16 % of the process under load)
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(instant));
}

/** The names of the fields given a value (an erased one, after closure, counts as absent). */
const filled = (fields: object): string[] =>
  Object.entries(fields)
    .filter(([name]) => (MEMBER_FIELDS as readonly string[]).includes(name))
    .filter(([, value]) => typeof value === 'string' ? value.trim() !== '' && value !== ERASED : value !== undefined && value !== null)
    .map(([name]) => name)
    .sort();
const withFilled = (present: readonly string[] | undefined, fields: object): string[] => [...new Set([...(present ?? []), ...filled(fields)])].sort();

export function memberListProjection(timeZone: string): Projection<OrmTx> {
  return {
    id: 'projection:member-list:v1',
    tables: ['member_list_v1'],
    sharesTransaction: true,
    handles: ['MemberApplicationSubmitted', 'MemberApproved', 'MemberSupplementRequested', 'MemberApplicationSupplemented', 'MemberContactChanged', 'MemberClosed'],
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      const repo = tx.em.getRepository(MemberListRow);
      // applications in one statement per round (a member at most once in each), the rest one by one
      for (const round of inRounds(events, (e) => (e.data as { memberId: string }).memberId)) {
        const submitted = round.filter((e) => e.type === 'MemberApplicationSubmitted');
        if (submitted.length) await repo.upsert(submitted.map((e) => listRowOf(e as RecordedEvent<MemberApplicationSubmitted>, timeZone)), ['memberId']);
        for (const recorded of round) if (recorded.type !== 'MemberApplicationSubmitted') await applyChange(recorded, repo);
      }
    },
    async reset(tx: OrmTx) {
      await tx.query('delete from member_list_v1');
    },
  };
}

type ListRepository = Repository<MemberListRow>;

/** The row an application starts (an application is its member's first event). */
function listRowOf(recorded: RecordedEvent<MemberApplicationSubmitted>, timeZone: string): MemberListRow {
  const d = recorded.data;
  return {
    memberId: d.memberId,
    memberNo: null,
    storeId: d.storeId,
    name: d.name,
    mobile: d.mobile,
    status: memberLifecycle.statusAfter({ type: recorded.type, data: d }, undefined),
    tier: 'none',
    missingFields: [],
    presentFields: filled(d),
    submittedAt: new Date(d.submittedAt),
    submittedDate: localDate(d.submittedAt, timeZone),
    activatedAt: null,
    version: recorded.streamVersion,
  };
}

/** A later event of a member: read its row, move it forward (never back), write it. */
async function applyChange(recorded: RecordedEvent, repo: ListRepository): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as MemberEvent;
  const row = await repo.findOneBy({ memberId: event.data.memberId });
  if (!row || row.version >= recorded.streamVersion) return;
  row.version = recorded.streamVersion;
  row.status = memberLifecycle.statusAfter(event, row.status as MemberStatus);
  switch (event.type) {
    case 'MemberApproved':
      Object.assign(row, { memberNo: event.data.memberNo, tier: 'standard', missingFields: [], activatedAt: new Date(event.data.activatedAt) });
      break;
    case 'MemberSupplementRequested':
      Object.assign(row, { missingFields: event.data.missingFields });
      break;
    case 'MemberApplicationSupplemented':
      Object.assign(row, { missingFields: [], presentFields: withFilled(row.presentFields, event.data.fields), ...(event.data.fields.name ? { name: event.data.fields.name } : {}) });
      break;
    case 'MemberContactChanged':
      if (event.data.changes.mobile) row.mobile = event.data.changes.mobile;
      row.presentFields = withFilled(row.presentFields, event.data.changes);
      break;
    case 'MemberClosed':
      Object.assign(row, { name: CLOSED_MEMBER_NAME, mobile: '', missingFields: [], presentFields: [] });
      break;
    case 'MemberApplicationSubmitted':
    case 'MemberPreferencesUpdated':
    case 'MemberConsentUpdated':
    case 'MemberIdentityChecked':
      break;
    default: {
      const _exhaustive: never = event;
      void _exhaustive;
    }
  }
  await repo.save(row);
}
