import type { Event } from '@cs/eventstore';
import type { IssuanceCustomer, IssuanceReason, RedemptionRefusal } from './issuance.values.js';

export type GiftIssued = Event<
  'GiftIssued',
  {
    issuanceId: string;
    locationId: string;
    sku: string;
    quantity: number;
    reason: IssuanceReason;
    memberId?: string;
    customer?: IssuanceCustomer;
    causeRef?: string;
    entitlementCode?: string;
    note?: string;
    at: string;
    by: string;
  }
>;
export type GiftIssuanceReversed = Event<'GiftIssuanceReversed', { reason: string; at: string; by: string }>;

/** A requested issuance (points redemption) that could not happen; kept so the answer is given exactly once. */
export type GiftIssuanceRefused = Event<
  'GiftIssuanceRefused',
  { issuanceId: string; locationId: string; sku: string; quantity: number; reason: IssuanceReason; memberId?: string; causeRef?: string; refusal: RedemptionRefusal; at: string; by: string }
>;

export type IssuanceEvent = GiftIssued | GiftIssuanceReversed | GiftIssuanceRefused;
