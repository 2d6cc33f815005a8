import { aggregateStream } from '@cs/eventstore';
import { SLA_POLICY_STREAM_TYPE, slaPolicyDecider, slaPolicyStreamId } from './sla-policy/sla-policy.decider.js';
import { WORKING_CALENDAR_STREAM_TYPE, workingCalendarDecider, workingCalendarStreamId } from './working-calendar/working-calendar.decider.js';

/** One stream per SLA policy id: `slaPolicyStream.spec(id)` for definitions, `.load(host, id, asOf)` for reads. */
export const slaPolicyStream = aggregateStream({ decider: slaPolicyDecider, streamType: SLA_POLICY_STREAM_TYPE, streamId: slaPolicyStreamId });

/** One stream per working calendar (for now only the default one). */
export const workingCalendarStream = aggregateStream({
  decider: workingCalendarDecider,
  streamType: WORKING_CALENDAR_STREAM_TYPE,
  streamId: workingCalendarStreamId,
});
