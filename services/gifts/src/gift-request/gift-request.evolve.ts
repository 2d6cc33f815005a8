import type { GiftRequestEvent } from './gift-request.events.js';
import { giftRequestLifecycle } from './gift-request.lifecycle.js';
import type { GiftRequest, GiftRequestState } from './gift-request.state.js';

type Follow = Exclude<GiftRequestEvent, { type: 'GiftRequestCreated' | 'NewStoreKitDispatched' }>;

function apply(request: GiftRequest, event: Follow): GiftRequest {
  switch (event.type) {
    case 'GiftRequestSubmitted':
    case 'GiftRequestRejected':
    case 'GiftReceiptDiscrepancyFound':
    case 'GiftReceiptDiscrepancyResolved':
      return request;
    case 'GiftRequestApproved':
      return { ...request, lines: request.lines.map((l) => ({ ...l, approved: event.data.lines.find((a) => a.sku === l.sku)?.quantity ?? 0 })) };
    case 'GiftRequestDispatched':
      return { ...request, dispatched: event.data.lines, expectedArrival: event.data.expectedArrival, overdueAt: event.data.overdueAt, waybillNo: event.data.waybillNo };
    case 'GiftArrivalOverdue':
      return request;
    case 'GiftRequestReceived':
      return { ...request, received: event.data.lines };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveGiftRequest(state: GiftRequestState, event: GiftRequestEvent): GiftRequestState {
  const status = giftRequestLifecycle.statusAfter(event, state?.status);
  if (event.type === 'GiftRequestCreated') {
    const { requestId, storeId, purpose, lines } = event.data;
    return { status, requestId, storeId, purpose, kit: false, lines: lines.map((l) => ({ sku: l.sku, requested: l.quantity })) };
  }
  if (event.type === 'NewStoreKitDispatched') {
    const { requestId, storeId, lines, expectedArrival, overdueAt, waybillNo } = event.data;
    return {
      status,
      requestId,
      storeId,
      purpose: 'new_store',
      kit: true,
      lines: lines.map((l) => ({ sku: l.sku, requested: l.quantity, approved: l.quantity })),
      dispatched: lines,
      expectedArrival,
      overdueAt,
      waybillNo,
    };
  }
  return state && { ...apply(state, event), status };
}
