import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { ComplaintEvent } from '../../complaint/complaint.events.js';
import { complaintLifecycle } from '../../complaint/complaint.lifecycle.js';
import type { ComplaintStatus } from '../../complaint/complaint.values.js';
import { In } from 'typeorm';
import { ComplaintListRow } from './complaint-list.entity.js';

type Patch = Partial<ComplaintListRow>;

/** How each event changes a list row besides its status (the lifecycle's); events that do not show in lists change nothing. */
function patchFor(event: ComplaintEvent, row: ComplaintListRow): Patch | null {
  switch (event.type) {
    case 'ComplaintRepeatDetected':
      return { repeatOfComplaintId: event.data.repeatOfComplaintId, severity: event.data.severityRaisedTo };
    case 'ComplaintClassified':
      return { category: event.data.category, severity: event.data.severity };
    case 'ComplaintAssigned':
      return { assigneeId: event.data.assigneeId, assigneeName: event.data.assigneeName ?? null };
    case 'ComplaintEscalated':
      return { escalationLevel: event.data.toLevel, escalated: true };
    case 'ComplaintReopened': {
      const resolutionDueAt = event.data.resolutionDueAt ? new Date(event.data.resolutionDueAt) : row.resolutionDueAt;
      return {
        ...(event.data.resolutionDueAt ? { resolutionDueAt, resolutionBreached: false } : {}),
        closedAt: null,
        nextDueAt: resolutionDueAt,
      };
    }
    case 'SlaBreached':
      return event.data.clock === 'first_response' ? { firstResponseBreached: true } : { resolutionBreached: true };
    case 'FirstResponseSent':
      return { firstRespondedAt: new Date(event.data.at), firstResponseWithinSla: event.data.withinSla, nextDueAt: row.mergedInto ? null : row.resolutionDueAt };
    case 'ComplaintResolved':
      return row.resolvedAt
        ? { nextDueAt: null }
        : { resolvedAt: new Date(event.data.resolvedAt), resolutionWithinSla: event.data.withinSla, nextDueAt: null };
    case 'ComplaintClosed':
      return { closedAt: new Date(event.data.closedAt), nextDueAt: null };
    case 'ComplaintInvalidated':
      return { closedAt: new Date(event.data.closedAt), nextDueAt: null };
    case 'ComplaintMerged':
      return { mergedInto: event.data.intoComplaintId, nextDueAt: null };
    case 'ComplaintUnmerged': {
      const d = event.data;
      const patch: Patch = { mergedInto: null };
      if (d.firstResponseDueAt && d.resolutionDueAt) {
        Object.assign(patch, { firstResponseDueAt: new Date(d.firstResponseDueAt), resolutionDueAt: new Date(d.resolutionDueAt), firstResponseBreached: false, resolutionBreached: false });
      }
      const firstDue = patch.firstResponseDueAt ?? row.firstResponseDueAt;
      return { ...patch, nextDueAt: row.firstRespondedAt ? (patch.resolutionDueAt ?? row.resolutionDueAt) : firstDue };
    }
    case 'ComplaintFiled':
    case 'InvestigationStarted':
    case 'SolutionProposed':
    case 'SolutionAccepted':
    case 'SolutionRejected':
    case 'ComplaintCompensationGranted':
    case 'SlaWarningReached':
    case 'PromiseKept':
    case 'PromiseOverdue':
    case 'MergedCaseRecorded':
    case 'ComplaintSplit':
    case 'CompensationFulfilled':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The row a complaint starts with: every column set, so rows of one batch upsert the same columns. */
function filedRow(event: Extract<ComplaintEvent, { type: 'ComplaintFiled' }>, version: number): ComplaintListRow {
  const d = event.data;
  return {
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
    assigneeName: null,
    escalationLevel: d.escalationLevel,
    receivedAt: new Date(d.receivedAt),
    firstResponseDueAt: new Date(d.firstResponseDueAt),
    resolutionDueAt: new Date(d.resolutionDueAt),
    firstResponseBreached: false,
    resolutionBreached: false,
    repeatOfComplaintId: null,
    nextDueAt: new Date(d.firstResponseDueAt),
    firstRespondedAt: null,
    firstResponseWithinSla: null,
    resolvedAt: null,
    resolutionWithinSla: null,
    closedAt: null,
    escalated: false,
    mergedInto: null,
    slaPolicyId: d.slaPolicyId,
    version,
  };
}

/**
 * A batch costs two statements whatever its size: the rows it touches are read at once, the
 * events applied to them in memory, and the changed rows written back by one upsert.
 */
export const complaintListProjection: Projection<OrmTx> = {
  id: 'projection:complaint-list:v1',
  tables: ['complaint_list_v1'],
  sharesTransaction: true,
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    const mine = events.filter((e) => e.streamType === 'complaint');
    if (!mine.length) return;
    const idOf = (recorded: RecordedEvent) => recorded.streamId.replace(/^complaint-/, '');
    const repo = tx.em.getRepository(ComplaintListRow);
    const ids = [...new Set(mine.map(idOf))];
    const rows = new Map((await repo.findBy({ complaintId: In(ids) })).map((row) => [row.complaintId, row]));
    const changed = new Set<string>();
    for (const recorded of mine) {
      const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
      if (event.type === 'ComplaintFiled') {
        if ((rows.get(event.data.complaintId)?.version ?? 0) >= recorded.streamVersion) continue;
        rows.set(event.data.complaintId, filedRow(event, recorded.streamVersion));
        changed.add(event.data.complaintId);
        continue;
      }
      const id = idOf(recorded);
      const row = rows.get(id);
      if (!row || row.version >= recorded.streamVersion) continue;
      Object.assign(row, patchFor(event, row), {
        status: complaintLifecycle.statusAfter(event, row.status as ComplaintStatus),
        version: recorded.streamVersion,
      });
      changed.add(id);
    }
    if (changed.size) await repo.upsert([...changed].map((id) => rows.get(id) as ComplaintListRow), ['complaintId']);
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from complaint_list_v1');
  },
};
