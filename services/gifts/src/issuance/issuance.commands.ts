import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';
import type { IssuanceCustomer, IssuanceReason, RedemptionRefusal } from './issuance.values.js';

export interface IssueGift extends GiftsCommandEnvelope {
  type: 'IssueGift';
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
}

export interface ReverseIssuance extends GiftsCommandEnvelope {
  type: 'ReverseIssuance';
  issuanceId: string;
  reason: string;
}

export interface RefuseIssuance extends GiftsCommandEnvelope {
  type: 'RefuseIssuance';
  issuanceId: string;
  locationId: string;
  sku: string;
  quantity: number;
  reason: IssuanceReason;
  memberId?: string;
  causeRef?: string;
  refusal: RedemptionRefusal;
}

export type IssuanceCommand = IssueGift | ReverseIssuance | RefuseIssuance;
