import type { SlaPolicyDefinition } from './sla-policy.events.js';
import type { SlaPolicyStatus } from './sla-policy.values.js';

export interface DefinedSlaPolicy {
  status: SlaPolicyStatus;
  definition: SlaPolicyDefinition;
  definedAt: string;
  definedBy: string;
}

/** Null until the first definition; the configured default applies meanwhile. */
export type SlaPolicyState = DefinedSlaPolicy | null;

export const initialSlaPolicyState = (): SlaPolicyState => null;
