import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { MemberEvent } from '../../member/member.events.js';
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
      for (const recorded of events) {
        const event = { type: recorded.type, data: recorded.data } as MemberEvent;
        if (event.type === 'MemberApplicationSubmitted') {
          await repo.upsert(
            {
              memberId: event.data.memberId,
              memberNo: null,
              storeId: event.data.storeId,
              name: event.data.name,
              mobile: event.data.mobile,
              status: memberLifecycle.statusAfter(event, undefined),
              tier: 'none',
              missingFields: [],
              presentFields: filled(event.data),
              submittedAt: new Date(event.data.submittedAt),
              submittedDate: localDate(event.data.submittedAt, timeZone),
              activatedAt: null,
              version: recorded.streamVersion,
            },
            ['memberId'],
          );
          continue;
        }
        const row = await repo.findOneBy({ memberId: event.data.memberId });
        if (!row || row.version >= recorded.streamVersion) continue;
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
    },
    async reset(tx: OrmTx) {
      await tx.query('delete from member_list_v1');
    },
  };
}
