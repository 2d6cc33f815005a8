import type { RecordedEvent } from '@cs/eventstore';
import type { Publication, PublicationContext } from '@cs/messaging';
import {
  complaintClosedV1,
  complaintCompensationGrantedV1,
  complaintEscalatedV1,
  complaintFiledV1,
  complaintResolvedV1,
  complaintSlaBreachedV1,
} from '@cs/contracts';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import { foldComplaint } from '../rpc/complaint-stream.js';

type Descriptor = { type: string; version: number; subject: string };
const publish = (d: Descriptor, data: Record<string, unknown>): Publication[] => [
  { type: d.type, version: d.version, subject: d.subject, data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) },
];

/**
 * Stored complaint events → public v1 contracts. Only the events other services act on leave;
 * customer contact data never does. Fields the stored event does not repeat (store, severity…)
 * come from the complaint's state as of that event.
 */
export async function complaintsPublicationMap(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
  const published = ['ComplaintFiled', 'ComplaintEscalated', 'ComplaintCompensationGranted', 'ComplaintResolved', 'ComplaintClosed', 'ComplaintInvalidated', 'SlaBreached'];
  if (!published.includes(event.type)) return [];
  const c = foldComplaint(await context.streamUpTo(recorded));
  if (!c) return [];
  switch (event.type) {
    case 'ComplaintFiled':
      return publish(complaintFiledV1, {
        complaintId: c.complaintId,
        complaintNo: c.complaintNo ?? c.complaintId,
        storeId: c.storeId,
        memberId: c.memberId,
        channel: c.channel,
        source: c.source,
        category: c.category,
        severity: c.severity,
        firstResponseDueAt: c.sla.firstResponseDueAt,
        resolutionDueAt: c.sla.resolutionDueAt,
        receivedAt: c.receivedAt,
      });
    case 'ComplaintEscalated':
      return publish(complaintEscalatedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        severity: c.severity,
        fromLevel: event.data.fromLevel,
        toLevel: event.data.toLevel,
        reason: event.data.reason,
        assigneeId: c.assigneeId,
        escalatedBy: event.data.by,
        escalatedAt: event.data.at,
      });
    case 'ComplaintCompensationGranted':
      return publish(complaintCompensationGrantedV1, {
        complaintId: c.complaintId,
        solutionNo: event.data.solutionNo,
        kind: event.data.kind,
        amount: event.data.amount,
        giftSku: event.data.giftSku,
        quantity: event.data.quantity,
        memberId: event.data.memberId,
        storeId: event.data.storeId,
        grantedAt: event.data.at,
      });
    case 'ComplaintResolved':
      return publish(complaintResolvedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        memberId: c.memberId,
        category: c.category,
        severity: c.severity,
        assigneeId: c.assigneeId,
        outcome: event.data.outcome,
        resolvedAt: event.data.resolvedAt,
        withinSla: event.data.withinSla,
      });
    case 'ComplaintClosed':
    case 'ComplaintInvalidated':
      return publish(complaintClosedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        memberId: c.memberId,
        category: c.category,
        severity: c.severity,
        closure: event.type === 'ComplaintClosed' ? 'resolved' : event.data.reason,
        satisfaction: c.satisfaction,
        resolvedAt: c.resolvedAt,
        reopenCount: c.reopenCount,
        closedAt: event.data.closedAt,
      });
    case 'SlaBreached':
      return publish(complaintSlaBreachedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        clock: event.data.clock,
        dueAt: event.data.dueAt,
        breachedAt: event.data.at,
        severity: c.severity,
        escalationLevel: c.escalationLevel,
        assigneeId: c.assigneeId,
      });
    default:
      return [];
  }
}
