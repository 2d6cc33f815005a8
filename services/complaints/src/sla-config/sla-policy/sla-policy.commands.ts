import type { ConfigActor } from '../sla-config.values.js';

/** A full (re)definition. `resolution` takes exactly one of `hours` and `workingDays`. */
export interface DefineSlaPolicy {
  type: 'DefineSlaPolicy';
  policyId: string;
  firstResponse: { hours: number };
  resolution: { hours?: number; workingDays?: number };
  /** 0.8 (DEFAULT_WARNING_RATIO) when absent. */
  warningRatio?: number;
  now: string;
  actor: ConfigActor;
}

export type SlaPolicyCommand = DefineSlaPolicy;
