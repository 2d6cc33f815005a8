import type { Event } from '@cs/eventstore';
import type { EntitlementKind, EntitlementSource } from './entitlement.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type EntitlementIssued = Event<
  'EntitlementIssued',
  {
    code: string;
    kind: EntitlementKind;
    source: EntitlementSource;
    sourceRef?: string;
    memberId?: string;
    sku?: string;
    validFrom: string;
    validUntil: string;
    note?: string;
  } & Stamp
>;
export type EntitlementRedeemed = Event<'EntitlementRedeemed', { storeId: string; issuanceId: string; sku: string } & Stamp>;
export type EntitlementExpired = Event<'EntitlementExpired', Stamp>;
export type EntitlementVoided = Event<'EntitlementVoided', { reason: string } & Stamp>;

export type EntitlementEvent = EntitlementIssued | EntitlementRedeemed | EntitlementExpired | EntitlementVoided;
