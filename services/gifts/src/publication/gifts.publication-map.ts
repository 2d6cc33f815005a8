import type { AggregateStream, Event, RecordedEvent } from '@cs/eventstore';
import { publication as publish, type Publication, type PublicationContext } from '@cs/messaging';
import {
  giftArrivalOverdueV1,
  giftCataloguedV1,
  giftEntitlementExpiredV1,
  giftEntitlementIssuedV1,
  giftEntitlementRedeemedV1,
  giftIssuanceReversedV1,
  giftIssuedV1,
  giftRedemptionIssuedV1,
  giftRedemptionRefusedV1,
  giftStockLowV1,
  giftStocktakeConfirmedV1,
} from '@cs/contracts';
import type { IssuanceEvent } from '../issuance/issuance.events.js';
import { entitlementStream } from '../rpc/entitlement-stream.js';
import { giftRequestStream } from '../rpc/gift-request-stream.js';
import { giftStream } from '../rpc/gift-stream.js';
import { issuanceStream } from '../rpc/issuance-stream.js';
import { stocktakeStream } from '../rpc/stocktake-stream.js';
import { locationKindOf } from '../stock/stock.values.js';

/** The aggregate as of the event being published. */
async function stateAt<S, C, E extends Event>(stream: AggregateStream<S, C, E>, recorded: RecordedEvent, context: PublicationContext): Promise<S> {
  return stream.fold(await context.streamUpTo(recorded));
}

async function issuancePublications(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  const event = { type: recorded.type, data: recorded.data } as IssuanceEvent;
  const i = await stateAt(issuanceStream, recorded, context);
  if (!i) return [];
  const complaintId = i.reason === 'complaint_compensation' ? i.causeRef : undefined;
  const redemptionId = i.reason === 'points_redemption' ? i.causeRef : undefined;
  const common = { locationId: i.locationId, giftSku: i.sku, quantity: i.quantity, memberId: i.memberId };
  switch (event.type) {
    case 'GiftIssued': {
      const out = [publish(giftIssuedV1, { issuanceId: i.issuanceId, ...common, reason: i.reason, complaintId, entitlementCode: i.entitlementCode, redemptionId, issuedBy: i.issuedBy, issuedAt: i.issuedAt })];
      if (redemptionId && i.memberId) {
        out.push(publish(giftRedemptionIssuedV1, { redemptionId, issuanceId: i.issuanceId, memberId: i.memberId, storeId: i.locationId, giftSku: i.sku, quantity: i.quantity, issuedAt: i.issuedAt }));
      }
      return out;
    }
    case 'GiftIssuanceReversed':
      return [publish(giftIssuanceReversedV1, { issuanceId: i.issuanceId, ...common, complaintId, reason: event.data.reason, reversedAt: event.data.at })];
    case 'GiftIssuanceRefused':
      return redemptionId && i.memberId
        ? [publish(giftRedemptionRefusedV1, { redemptionId, memberId: i.memberId, storeId: i.locationId, giftSku: i.sku, quantity: i.quantity, reason: event.data.refusal, refusedAt: event.data.at })]
        : [];
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * Stored gifts events → public v1 contracts. Walk-in customers' names and numbers never leave;
 * fields a stored event does not repeat come from the aggregate as of that event.
 */
export async function giftsPublicationMap(recorded: RecordedEvent, context: PublicationContext): Promise<Publication[]> {
  const d = recorded.data as Record<string, unknown>;
  switch (recorded.type) {
    case 'GiftDefined':
    case 'GiftUpdated':
    case 'GiftDeactivated':
    case 'GiftReactivated': {
      const g = await stateAt(giftStream, recorded, context);
      return g ? [publish(giftCataloguedV1, { giftSku: g.sku, name: g.name, unit: g.unit, pointsPrice: g.pointsPrice, active: g.status === 'active', at: d.at })] : [];
    }
    case 'GiftIssued':
    case 'GiftIssuanceReversed':
    case 'GiftIssuanceRefused':
      return issuancePublications(recorded, context);
    case 'StockFellBelowMinimum':
      return [
        publish(giftStockLowV1, {
          locationId: d.locationId,
          locationKind: locationKindOf(String(d.locationId)),
          giftSku: d.sku,
          available: d.available,
          minimum: d.minimum,
          at: d.at,
        }),
      ];
    case 'EntitlementIssued':
      return [
        publish(giftEntitlementIssuedV1, {
          entitlementId: d.code,
          code: d.code,
          kind: d.kind,
          source: d.source,
          sourceRef: d.sourceRef,
          memberId: d.memberId,
          giftSku: d.sku,
          validFrom: d.validFrom,
          validUntil: d.validUntil,
          issuedAt: d.at,
        }),
      ];
    case 'EntitlementRedeemed': {
      const e = await stateAt(entitlementStream, recorded, context);
      return e ? [publish(giftEntitlementRedeemedV1, { entitlementId: e.code, code: e.code, storeId: d.storeId, issuanceId: d.issuanceId, giftSku: d.sku, redeemedAt: d.at })] : [];
    }
    case 'EntitlementExpired': {
      const e = await stateAt(entitlementStream, recorded, context);
      return e ? [publish(giftEntitlementExpiredV1, { entitlementId: e.code, code: e.code, expiredAt: d.at })] : [];
    }
    case 'StocktakeConfirmed': {
      const t = await stateAt(stocktakeStream, recorded, context);
      if (!t) return [];
      const lines = (t.variances ?? []).map((l) => ({ giftSku: l.sku, bookQty: l.bookQty, countedQty: l.counted, varianceQty: l.variance, varianceValue: l.varianceValue }));
      return [publish(giftStocktakeConfirmedV1, { stocktakeId: t.stocktakeId, locationId: t.locationId, locationKind: t.locationKind, period: t.period, lines, confirmedAt: d.at })];
    }
    case 'GiftArrivalOverdue': {
      const r = await stateAt(giftRequestStream, recorded, context);
      return r ? [publish(giftArrivalOverdueV1, { requestId: r.requestId, storeId: r.storeId, expectedArrival: d.expectedArrival, overdueAt: d.overdueAt })] : [];
    }
    default:
      return [];
  }
}
