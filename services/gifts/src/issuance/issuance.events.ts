import type { Event } from '@cs/eventstore';
import type { IssuanceCustomer, IssuanceReason } from './issuance.values.js';

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

export type IssuanceEvent = GiftIssued | GiftIssuanceReversed;
