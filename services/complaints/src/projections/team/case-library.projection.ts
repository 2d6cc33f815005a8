import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { CASE_ENTRY_STREAM_TYPE } from '../../case-entry/case-entry.decider.js';
import type { CaseEntryEvent } from '../../case-entry/case-entry.events.js';
import { normaliseKeywords } from '../../case-entry/case-entry.values.js';

/** The case library as agents search it (by keywords, category and status). Personal data was stripped at drafting. */
export const caseLibraryProjection: Projection<OrmTx> = {
  id: 'projection:case-library:v1',
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      if (recorded.streamType !== CASE_ENTRY_STREAM_TYPE) continue;
      const event = { type: recorded.type, data: recorded.data } as CaseEntryEvent;
      const id = recorded.streamId.slice(CASE_ENTRY_STREAM_TYPE.length + 1);
      switch (event.type) {
        case 'CaseEntryDrafted': {
          const d = event.data;
          await tx.query(
            `insert into case_library_v1 (case_id, from_complaint_id, category, store_id, title, summary, resolution, keywords, status, drafted_at, version)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10) on conflict (case_id) do nothing`,
            [d.caseId, d.fromComplaintId, d.category ?? null, d.storeId, d.title, d.summary, d.resolution, normaliseKeywords(d.keywords), d.at, recorded.streamVersion],
          );
          break;
        }
        case 'CaseEntryRevised': {
          const d = event.data;
          await tx.query(
            `update case_library_v1 set title = coalesce($2, title), summary = coalesce($3, summary), resolution = coalesce($4, resolution),
               keywords = coalesce($5, keywords), version = $6 where case_id = $1 and version < $6`,
            [id, d.title ?? null, d.summary ?? null, d.resolution ?? null, d.keywords ? normaliseKeywords(d.keywords) : null, recorded.streamVersion],
          );
          break;
        }
        case 'CaseEntryPublished':
          await tx.query(`update case_library_v1 set status = 'published', published_at = $2, version = $3 where case_id = $1 and version < $3`, [id, event.data.at, recorded.streamVersion]);
          break;
        case 'CaseEntryRetired':
          await tx.query(`update case_library_v1 set status = 'retired', version = $2 where case_id = $1 and version < $2`, [id, recorded.streamVersion]);
          break;
        default:
          break;
      }
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from case_library_v1');
  },
};
