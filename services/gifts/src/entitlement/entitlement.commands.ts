import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';
import type { EntitlementKind, EntitlementSource } from './entitlement.values.js';

/** The entitlement is identified by its code. */
interface EntitlementCommandBase extends GiftsCommandEnvelope {
  code: string;
}

export interface IssueEntitlement extends EntitlementCommandBase {
  type: 'IssueEntitlement';
  kind: EntitlementKind;
  source: EntitlementSource;
  sourceRef?: string;
  memberId?: string;
  sku?: string;
  validFrom: string;
  validUntil: string;
  note?: string;
}
export interface RedeemEntitlement extends EntitlementCommandBase {
  type: 'RedeemEntitlement';
  storeId: string;
  issuanceId: string;
  sku: string;
  memberId?: string;
}
/** The expiry timer's command: a no-op unless still issued at or after `validUntil`. */
export interface ExpireEntitlement extends EntitlementCommandBase {
  type: 'ExpireEntitlement';
}
export interface VoidEntitlement extends EntitlementCommandBase {
  type: 'VoidEntitlement';
  reason: string;
}

export type EntitlementCommand = IssueEntitlement | RedeemEntitlement | ExpireEntitlement | VoidEntitlement;
