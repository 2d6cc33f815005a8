import type { RecordedEvent } from '@cs/eventstore';
import { publication, type Publication, type PublicationContext } from '@cs/messaging';
import {
  complaintClosedV1,
  complaintCompensationGrantedV1,
  complaintEscalatedV1,
  complaintFiledV1,
  complaintResolvedV1,
  complaintSlaBreachedV1,
} from '@cs/contracts';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import { complaintStream } from '../rpc/complaint-stream.js';

/**
 * Stored complaint events → public v1 contracts. Only the events other services act on leave;
 * customer contact data never does. Fields the stored event does not repeat (store, severity…)
 * come from the complaint's state as of that event.
 */
export async function complaintsPublicationMap(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
  const published = ['ComplaintFiled', 'ComplaintEscalated', 'ComplaintCompensationGranted', 'ComplaintResolved', 'ComplaintClosed', 'ComplaintInvalidated', 'SlaBreached'];
  if (!published.includes(event.type)) return [];
  const c = complaintStream.fold(await context.streamUpTo(recorded));
  if (!c) return [];
  switch (event.type) {
    case 'ComplaintFiled':
      return [publication(complaintFiledV1, {
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
      })];
    case 'ComplaintEscalated':
      return [publication(complaintEscalatedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        severity: c.severity,
        fromLevel: event.data.fromLevel,
        toLevel: event.data.toLevel,
        reason: event.data.reason,
        assigneeId: c.assigneeId,
        escalatedBy: event.data.by,
        escalatedAt: event.data.at,
      })];
    case 'ComplaintCompensationGranted':
      return [publication(complaintCompensationGrantedV1, {
        complaintId: c.complaintId,
        solutionNo: event.data.solutionNo,
        kind: event.data.kind,
        amount: event.data.amount,
        giftSku: event.data.giftSku,
        quantity: event.data.quantity,
        memberId: event.data.memberId,
        storeId: event.data.storeId,
        grantedAt: event.data.at,
      })];
    case 'ComplaintResolved':
      return [publication(complaintResolvedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        memberId: c.memberId,
        category: c.category,
        severity: c.severity,
        assigneeId: c.assigneeId,
        outcome: event.data.outcome,
        resolvedAt: event.data.resolvedAt,
        withinSla: event.data.withinSla,
      })];
    case 'ComplaintClosed':
    case 'ComplaintInvalidated':
      return [publication(complaintClosedV1, {
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
      })];
    case 'SlaBreached':
      return [publication(complaintSlaBreachedV1, {
        complaintId: c.complaintId,
        storeId: c.storeId,
        clock: event.data.clock,
        dueAt: event.data.dueAt,
        breachedAt: event.data.at,
        severity: c.severity,
        escalationLevel: c.escalationLevel,
        assigneeId: c.assigneeId,
      })];
    default:
      return [];
  }
}
