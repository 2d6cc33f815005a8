import type { Event } from '@cs/eventstore';
import type { SlaDuration } from '../../sla/sla-policy.js';

/** What an SLA policy says; the version is the stream version of the event that defined it. */
export interface SlaPolicyDefinition {
  policyId: string;
  firstResponse: { hours: number };
  resolution: SlaDuration;
  warningRatio: number;
}

export type SlaPolicyDefined = Event<'SlaPolicyDefined', SlaPolicyDefinition & { at: string; by: string }>;

export type SlaPolicyEvent = SlaPolicyDefined;
