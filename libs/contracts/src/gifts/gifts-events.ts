import type { IntegrationEventDescriptor } from '../envelope.js';
import { giftArrivalOverdueV1 } from './gift-arrival-overdue.v1.js';
import { giftCataloguedV1 } from './gift-catalogued.v1.js';
import { giftEntitlementExpiredV1 } from './gift-entitlement-expired.v1.js';
import { giftEntitlementIssuedV1 } from './gift-entitlement-issued.v1.js';
import { giftEntitlementRedeemedV1 } from './gift-entitlement-redeemed.v1.js';
import { giftIssuanceReversedV1 } from './gift-issuance-reversed.v1.js';
import { giftIssuedV1 } from './gift-issued.v1.js';
import { giftRedemptionIssuedV1 } from './gift-redemption-issued.v1.js';
import { giftRedemptionRefusedV1 } from './gift-redemption-refused.v1.js';
import { giftStockLowV1 } from './gift-stock-low.v1.js';
import { giftStocktakeConfirmedV1 } from './gift-stocktake-confirmed.v1.js';
import { issueRedemptionGiftV1 } from './issue-redemption-gift.v1.js';

/** Every integration event the gifts service publishes. */
export const GiftsEvents = [
  giftCataloguedV1,
  giftIssuedV1,
  giftIssuanceReversedV1,
  giftStockLowV1,
  giftEntitlementIssuedV1,
  giftEntitlementRedeemedV1,
  giftEntitlementExpiredV1,
  giftStocktakeConfirmedV1,
  giftArrivalOverdueV1,
  giftRedemptionIssuedV1,
  giftRedemptionRefusedV1,
] as const satisfies readonly IntegrationEventDescriptor[];

/** Every command the gifts service consumes from the bus. */
export const GiftsCommands = [issueRedemptionGiftV1] as const satisfies readonly IntegrationEventDescriptor[];
