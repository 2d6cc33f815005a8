import { BIRTHDAY_ALLOWANCE_STREAM_TYPE, birthdayAllowanceDecider, birthdayAllowanceStreamId } from '../birthday-allowance/birthday-allowance.decider.js';
import { COMPENSATION_STREAM_TYPE, compensationDecider, compensationStreamId } from '../compensation/compensation.decider.js';
import { ENTITLEMENT_STREAM_TYPE, entitlementDecider, entitlementStreamId } from '../entitlement/entitlement.decider.js';
import { GIFT_STREAM_TYPE, giftDecider, giftStreamId } from '../gift/gift.decider.js';
import { GIFT_REQUEST_STREAM_TYPE, giftRequestDecider, giftRequestStreamId } from '../gift-request/gift-request.decider.js';
import { ISSUANCE_STREAM_TYPE, issuanceDecider, issuanceStreamId } from '../issuance/issuance.decider.js';
import { PROCUREMENT_PLAN_STREAM_TYPE, procurementPlanDecider, procurementPlanStreamId } from '../procurement-plan/procurement-plan.decider.js';
import { STOCK_STREAM_TYPE, stockDecider, stockStreamId } from '../stock/stock.decider.js';
import { STOCKTAKE_STREAM_TYPE, stocktakeDecider, stocktakeStreamId } from '../stocktake/stocktake.decider.js';

/** Where each aggregate lives in the log. */
export const streams = {
  gift: (sku: string) => ({ streamId: giftStreamId(sku), streamType: GIFT_STREAM_TYPE, decider: giftDecider }),
  stock: (locationId: string, sku: string) => ({ streamId: stockStreamId(locationId, sku), streamType: STOCK_STREAM_TYPE, decider: stockDecider }),
  plan: (planId: string) => ({ streamId: procurementPlanStreamId(planId), streamType: PROCUREMENT_PLAN_STREAM_TYPE, decider: procurementPlanDecider }),
  request: (requestId: string) => ({ streamId: giftRequestStreamId(requestId), streamType: GIFT_REQUEST_STREAM_TYPE, decider: giftRequestDecider }),
  issuance: (issuanceId: string) => ({ streamId: issuanceStreamId(issuanceId), streamType: ISSUANCE_STREAM_TYPE, decider: issuanceDecider }),
  entitlement: (code: string) => ({ streamId: entitlementStreamId(code), streamType: ENTITLEMENT_STREAM_TYPE, decider: entitlementDecider }),
  compensation: (complaintId: string) => ({ streamId: compensationStreamId(complaintId), streamType: COMPENSATION_STREAM_TYPE, decider: compensationDecider }),
  birthday: (memberId: string, year: number) => ({
    streamId: birthdayAllowanceStreamId(memberId, year),
    streamType: BIRTHDAY_ALLOWANCE_STREAM_TYPE,
    decider: birthdayAllowanceDecider,
  }),
  stocktake: (stocktakeId: string) => ({ streamId: stocktakeStreamId(stocktakeId), streamType: STOCKTAKE_STREAM_TYPE, decider: stocktakeDecider }),
};
