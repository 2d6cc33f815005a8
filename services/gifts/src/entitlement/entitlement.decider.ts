import type { Decider } from '@cs/eventstore';
import type { EntitlementCommand } from './entitlement.commands.js';
import { decideEntitlement } from './entitlement.decide.js';
import type { EntitlementEvent } from './entitlement.events.js';
import { evolveEntitlement } from './entitlement.evolve.js';
import { initialEntitlementState, type EntitlementState } from './entitlement.state.js';

export const ENTITLEMENT_STREAM_TYPE = 'gift-entitlement';
export const entitlementStreamId = (code: string): string => `gift-entitlement-${code}`;

export const entitlementDecider: Decider<EntitlementState, EntitlementCommand, EntitlementEvent> = {
  decide: decideEntitlement,
  evolve: evolveEntitlement,
  initialState: initialEntitlementState,
};
