import { birthdayKey } from '../birthday-allowance/birthday-allowance.decider.js';
import { birthdayAllowanceStream } from '../rpc/birthday-allowance-stream.js';
import { compensationStream } from '../rpc/compensation-stream.js';
import { entitlementStream } from '../rpc/entitlement-stream.js';
import { giftRequestStream } from '../rpc/gift-request-stream.js';
import { giftStream } from '../rpc/gift-stream.js';
import { issuanceStream } from '../rpc/issuance-stream.js';
import { procurementPlanStream } from '../rpc/procurement-plan-stream.js';
import { stockStream } from '../rpc/stock-stream.js';
import { stocktakeStream } from '../rpc/stocktake-stream.js';
import { stockKey } from '../stock/stock.decider.js';

/** The stream spec of each aggregate instance a unit of work reads or writes. */
export const streams = {
  gift: (sku: string) => giftStream.spec(sku),
  stock: (locationId: string, sku: string) => stockStream.spec(stockKey(locationId, sku)),
  plan: (planId: string) => procurementPlanStream.spec(planId),
  request: (requestId: string) => giftRequestStream.spec(requestId),
  issuance: (issuanceId: string) => issuanceStream.spec(issuanceId),
  entitlement: (code: string) => entitlementStream.spec(code),
  compensation: (complaintId: string) => compensationStream.spec(complaintId),
  birthday: (memberId: string, year: number) => birthdayAllowanceStream.spec(birthdayKey(memberId, year)),
  stocktake: (stocktakeId: string) => stocktakeStream.spec(stocktakeId),
};
