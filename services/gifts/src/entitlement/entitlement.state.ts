import type { EntitlementKind, EntitlementSource } from './entitlement.values.js';

export type EntitlementStatus = 'issued' | 'redeemed' | 'expired' | 'void';

export interface Entitlement {
  status: EntitlementStatus;
  code: string;
  kind: EntitlementKind;
  source: EntitlementSource;
  sourceRef?: string;
  memberId?: string;
  sku?: string;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  redeemedAt?: string;
  redeemedStoreId?: string;
  issuanceId?: string;
}

export type EntitlementState = Entitlement | null;

export const initialEntitlementState = (): EntitlementState => null;
