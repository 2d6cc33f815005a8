import { stamp } from '../shared/gifts-actor.js';
import type { ExpireEntitlement, RedeemEntitlement } from './entitlement.commands.js';
import { entitlementExpired, entitlementGiftMismatch, entitlementMemberMismatch, entitlementNotYetValid } from './entitlement.errors.js';
import type { EntitlementEvent } from './entitlement.events.js';
import type { Entitlement } from './entitlement.state.js';

const at = (iso: string) => Date.parse(iso);

/** Once, at a store, within [validFrom, validUntil), for its gift and its member. */
export function decideRedeemEntitlement(command: RedeemEntitlement, entitlement: Entitlement): EntitlementEvent[] {
  if (at(command.now) < at(entitlement.validFrom)) throw entitlementNotYetValid(entitlement.code, entitlement.validFrom);
  if (at(command.now) >= at(entitlement.validUntil)) throw entitlementExpired(entitlement.code, entitlement.validUntil);
  if (entitlement.sku && entitlement.sku !== command.sku) throw entitlementGiftMismatch(entitlement.code, entitlement.sku);
  if (entitlement.memberId && command.memberId && entitlement.memberId !== command.memberId) throw entitlementMemberMismatch(entitlement.code);
  return [{ type: 'EntitlementRedeemed', data: { storeId: command.storeId, issuanceId: command.issuanceId, sku: command.sku, ...stamp(command) } }];
}

export function decideExpireEntitlement(command: ExpireEntitlement, entitlement: Entitlement): EntitlementEvent[] {
  if (entitlement.status !== 'issued' || at(command.now) < at(entitlement.validUntil)) return [];
  return [{ type: 'EntitlementExpired', data: stamp(command) }];
}
