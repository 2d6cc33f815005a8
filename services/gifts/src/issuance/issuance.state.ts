import type { IssuanceCustomer, IssuanceReason, RedemptionRefusal } from './issuance.values.js';

export type IssuanceStatus = 'issued' | 'reversed' | 'refused';

/** One line of the register (赠品发放登记表). */
export interface Issuance {
  status: IssuanceStatus;
  issuanceId: string;
  locationId: string;
  sku: string;
  quantity: number;
  reason: IssuanceReason;
  memberId?: string;
  customer?: IssuanceCustomer;
  causeRef?: string;
  entitlementCode?: string;
  issuedAt: string;
  issuedBy: string;
  refusal?: RedemptionRefusal;
}

export type IssuanceState = Issuance | null;

export const initialIssuanceState = (): IssuanceState => null;
