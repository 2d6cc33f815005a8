import { aggregateStream } from '@cs/eventstore';
import { PROCUREMENT_PLAN_STREAM_TYPE, procurementPlanDecider, procurementPlanStreamId } from '../procurement-plan/procurement-plan.decider.js';

/** Where a procurement plan, by plan id lives in the log. */
export const procurementPlanStream = aggregateStream({ decider: procurementPlanDecider, streamType: PROCUREMENT_PLAN_STREAM_TYPE, streamId: procurementPlanStreamId });
