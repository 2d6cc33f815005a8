import { addWorkingDays, type WorkingCalendar } from './working-calendar.js';

export type SlaDuration = { hours: number } | { workingDays: number };

/** A versioned SLA profile (D1, D2). Values are configuration; complaints keep the version they were filed under. */
export interface SlaPolicy {
  id: 'chain' | 'ecommerce' | (string & {});
  version: number;
  firstResponse: { hours: number };
  resolution: SlaDuration;
  /** Fraction of the allowed time after which a warning fires; 0.8 when absent. */
  warningRatio?: number;
}

export const DEFAULT_WARNING_RATIO = 0.8;

/**
 * Seed values ([003] chain 24 h / 48 h; [004] e-commerce 48 h / 7 working days), as configured
 * defaults: version 0. Each definition under /v1/config/sla-policies is a version after it.
 */
export const DEFAULT_SLA_POLICIES: Readonly<Record<'chain' | 'ecommerce', SlaPolicy>> = Object.freeze({
  chain: { id: 'chain', version: 0, firstResponse: { hours: 24 }, resolution: { hours: 48 }, warningRatio: 0.8 },
  ecommerce: {
    id: 'ecommerce',
    version: 0,
    firstResponse: { hours: 48 },
    resolution: { workingDays: 7 },
    warningRatio: 0.8,
  },
});

export interface SlaClocks {
  policyId: string;
  policyVersion: number;
  firstResponseDueAt: string;
  firstResponseWarnAt: string;
  resolutionDueAt: string;
  resolutionWarnAt: string;
}

const HOUR_MS = 3_600_000;

function addDuration(startMs: number, duration: SlaDuration, calendar: WorkingCalendar): number {
  if ('hours' in duration) {
    if (!(duration.hours > 0)) throw new RangeError(`SLA hours must be positive, got ${duration.hours}`);
    return startMs + duration.hours * HOUR_MS;
  }
  if (!(duration.workingDays > 0)) throw new RangeError(`SLA working days must be positive, got ${duration.workingDays}`);
  return Date.parse(addWorkingDays(new Date(startMs).toISOString(), duration.workingDays, calendar));
}

function warnAt(startMs: number, dueMs: number, ratio: number): string {
  return new Date(startMs + Math.round(ratio * (dueMs - startMs))).toISOString();
}

export function computeSlaClocks(policy: SlaPolicy, calendar: WorkingCalendar, receivedAtIso: string): SlaClocks {
  const start = Date.parse(receivedAtIso);
  if (Number.isNaN(start)) throw new RangeError(`Not an ISO-8601 instant: ${receivedAtIso}`);
  const ratio = policy.warningRatio ?? DEFAULT_WARNING_RATIO;
  if (!(ratio > 0 && ratio <= 1)) throw new RangeError(`SLA warning ratio must be in (0, 1], got ${ratio}`);
  const firstDue = addDuration(start, policy.firstResponse, calendar);
  const resolutionDue = addDuration(start, policy.resolution, calendar);
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    firstResponseDueAt: new Date(firstDue).toISOString(),
    firstResponseWarnAt: warnAt(start, firstDue, ratio),
    resolutionDueAt: new Date(resolutionDue).toISOString(),
    resolutionWarnAt: warnAt(start, resolutionDue, ratio),
  };
}
