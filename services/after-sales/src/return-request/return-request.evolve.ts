import type { ReturnRequestEvent } from './return-request.events.js';
import { returnRequestLifecycle } from './return-request.lifecycle.js';
import type { ReturnRequest, ReturnRequestState } from './return-request.state.js';

export function evolveReturnRequest(state: ReturnRequestState, event: ReturnRequestEvent): ReturnRequestState {
  if (event.type === 'ReturnRequested') {
    const { at, by, type, ...intake } = event.data;
    return {
      ...intake,
      type,
      status: returnRequestLifecycle.statusAfter(event, undefined),
      requestedBy: by,
      refunds: [],
      refundedTotal: 0,
      updatedAt: at,
    };
  }
  if (!state) return state;
  const next: ReturnRequest = { ...state, status: returnRequestLifecycle.statusAfter(event, state.status), updatedAt: event.data.at };
  switch (event.type) {
    case 'ReturnApproved':
      return { ...next, approval: { at: event.data.at, by: event.data.by, note: event.data.note } };
    case 'ReturnRejected': {
      const { reason, note, warrantyRepairOffered, at, by } = event.data;
      return { ...next, rejection: { reason, note, warrantyRepairOffered, at, by } };
    }
    case 'ReturnGoodsReceived': {
      const { accessoriesIncluded, invoiceIncluded, waybillNo, at, by } = event.data;
      return { ...next, receipt: { accessoriesIncluded, invoiceIncluded, waybillNo, at, by } };
    }
    case 'ReturnInspected': {
      const { result, failedConditions, notes, at, by } = event.data;
      return { ...next, inspection: { result, failedConditions, notes, at, by } };
    }
    case 'RefundIssued': {
      const { refundNo, amount, method, at, by, refundedTotal } = event.data;
      return { ...next, refunds: [...state.refunds, { refundNo, amount, method, at, by }], refundedTotal };
    }
    case 'ReplacementShipped':
      return { ...next, replacement: { sku: event.data.sku, waybillNo: event.data.waybillNo, at: event.data.at } };
    case 'ReturnCompleted':
      return { ...next, completedAt: event.data.completedAt };
    case 'ReturnCallbackScheduled':
      return { ...next, callbackDueAt: event.data.dueAt };
    case 'ReturnClosed':
      return { ...next, closedAt: event.data.at, satisfaction: event.data.satisfaction };
    case 'ReturnCancelled':
      return { ...next, cancellation: { at: event.data.at, by: event.data.by, reason: event.data.reason } };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
