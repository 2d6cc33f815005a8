import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { STAFF_COMPLAINT_STREAM_TYPE } from '../../staff-complaint/staff-complaint.decider.js';
import type { StaffComplaintEvent } from '../../staff-complaint/staff-complaint.events.js';
import { staffComplaintLifecycle, type StaffComplaintStatus } from '../../staff-complaint/staff-complaint.lifecycle.js';

const OUTCOMES: Partial<Record<StaffComplaintEvent['type'], string>> = {
  StaffComplaintWithdrawn: 'withdrawn',
  StaffComplaintUpheld: 'upheld',
  StaffComplaintDismissed: 'dismissed',
};

/** One row per staff complaint: lists and the report's upheld and withdrawn rates. */
export const staffComplaintListProjection: Projection<OrmTx> = {
  id: 'projection:staff-complaint-list:v1',
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      if (recorded.streamType !== STAFF_COMPLAINT_STREAM_TYPE) continue;
      const event = { type: recorded.type, data: recorded.data } as StaffComplaintEvent;
      if (event.type === 'StaffComplaintFiled') {
        const d = event.data;
        await tx.query(
          `insert into staff_complaint_list_v1 (staff_complaint_id, store_id, region_id, staff_id, staff_name, team_lead_id, category, status, second_call_due_at, filed_at, version)
           values ($1, $2, $3, $4, $5, $6, $7, 'ticket_open', $8, $9, $10) on conflict (staff_complaint_id) do nothing`,
          [d.staffComplaintId, d.storeId, d.regionId ?? null, d.staffId, d.staffName, d.teamLeadId ?? null, d.category, d.secondCallDueAt, d.at, recorded.streamVersion],
        );
        continue;
      }
      const id = recorded.streamId.slice(STAFF_COMPLAINT_STREAM_TYPE.length + 1);
      const [row] = (await tx.query('select status, version from staff_complaint_list_v1 where staff_complaint_id = $1', [id])) as Array<{ status: StaffComplaintStatus; version: number }>;
      if (!row || row.version >= recorded.streamVersion) continue;
      await tx.query('update staff_complaint_list_v1 set status = $2, outcome = coalesce($3, outcome), version = $4 where staff_complaint_id = $1', [
        id,
        staffComplaintLifecycle.statusAfter(event, row.status),
        OUTCOMES[event.type] ?? null,
        recorded.streamVersion,
      ]);
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from staff_complaint_list_v1');
  },
};
