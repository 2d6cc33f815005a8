import { aggregateStream } from '@cs/eventstore';
import { ENTITLEMENT_STREAM_TYPE, entitlementDecider, entitlementStreamId } from '../entitlement/entitlement.decider.js';

/** Where an entitlement, by its code lives in the log. */
export const entitlementStream = aggregateStream({ decider: entitlementDecider, streamType: ENTITLEMENT_STREAM_TYPE, streamId: entitlementStreamId });
