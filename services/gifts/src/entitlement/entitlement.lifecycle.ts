import { defineLifecycle } from '@cs/eventstore';
import type { EntitlementCommand } from './entitlement.commands.js';
import type { EntitlementEvent } from './entitlement.events.js';
import type { EntitlementStatus } from './entitlement.state.js';

/** Redeemable once, within its validity (§1.6.4). */
export const entitlementLifecycle = defineLifecycle<EntitlementStatus, EntitlementCommand, EntitlementEvent>({
  name: 'entitlement',
  statuses: ['issued', 'redeemed', 'expired', 'void'],
  terminal: ['redeemed', 'expired', 'void'],
  commands: {
    IssueEntitlement: 'create',
    RedeemEntitlement: ['issued'],
    // the timer may fire after redemption: it decides nothing then
    ExpireEntitlement: ['issued', 'redeemed', 'expired', 'void'],
    VoidEntitlement: ['issued'],
  },
  events: { EntitlementIssued: 'issued', EntitlementRedeemed: 'redeemed', EntitlementExpired: 'expired', EntitlementVoided: 'void' },
});
