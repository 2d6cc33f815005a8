import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { ComplaintEvent } from '../../complaint/complaint.events.js';
import { complaintLifecycle } from '../../complaint/complaint.lifecycle.js';
import type { ComplaintStatus } from '../../complaint/complaint.values.js';
import { ComplaintListRow } from './complaint-list.entity.js';

type Patch = Partial<ComplaintListRow>;

/** How each event changes a list row besides its status (the lifecycle's); events that do not show in lists change nothing. */
function patchFor(event: ComplaintEvent): Patch | null {
  switch (event.type) {
    case 'ComplaintRepeatDetected':
      return { repeatOfComplaintId: event.data.repeatOfComplaintId, severity: event.data.severityRaisedTo };
    case 'ComplaintClassified':
      return { category: event.data.category, severity: event.data.severity };
    case 'ComplaintAssigned':
      return { assigneeId: event.data.assigneeId };
    case 'ComplaintEscalated':
      return { escalationLevel: event.data.toLevel };
    case 'ComplaintReopened':
      return event.data.resolutionDueAt ? { resolutionDueAt: new Date(event.data.resolutionDueAt), resolutionBreached: false } : null;
    case 'SlaBreached':
      return event.data.clock === 'first_response' ? { firstResponseBreached: true } : { resolutionBreached: true };
    case 'ComplaintFiled':
    case 'InvestigationStarted':
    case 'SolutionProposed':
    case 'SolutionAccepted':
    case 'SolutionRejected':
    case 'ComplaintResolved':
    case 'ComplaintClosed':
    case 'ComplaintInvalidated':
    case 'FirstResponseSent':
    case 'ComplaintCompensationGranted':
    case 'SlaWarningReached':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const complaintListProjection: Projection<OrmTx> = {
  id: 'projection:complaint-list:v1',
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    const repo = tx.em.getRepository(ComplaintListRow);
    for (const recorded of events) {
      if (recorded.streamType !== 'complaint') continue;
      const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
      if (event.type === 'ComplaintFiled') {
        const d = event.data;
        await repo.upsert(
          {
            complaintId: d.complaintId,
            complaintNo: d.complaintNo ?? d.complaintId,
            storeId: d.storeId,
            regionId: d.regionId ?? null,
            memberId: d.memberId ?? null,
            channel: d.channel,
            source: d.source,
            category: d.category ?? null,
            severity: d.severity,
            status: complaintLifecycle.statusAfter(event, undefined),
            assigneeId: null,
            escalationLevel: d.escalationLevel,
            receivedAt: new Date(d.receivedAt),
            firstResponseDueAt: new Date(d.firstResponseDueAt),
            resolutionDueAt: new Date(d.resolutionDueAt),
            firstResponseBreached: false,
            resolutionBreached: false,
            repeatOfComplaintId: null,
            version: recorded.streamVersion,
          },
          ['complaintId'],
        );
        continue;
      }
      const id = recorded.streamId.replace(/^complaint-/, '');
      const row = await repo.findOneBy({ complaintId: id });
      if (!row || row.version >= recorded.streamVersion) continue;
      const patch = { ...patchFor(event), status: complaintLifecycle.statusAfter(event, row.status as ComplaintStatus) };
      await repo.update({ complaintId: id }, { ...patch, version: recorded.streamVersion });
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from complaint_list_v1');
  },
};
