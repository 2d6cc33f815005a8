import { inWindow, type PeriodWindow } from './report-period.js';

/** One complaint as the report projection keeps it. */
export interface ReportComplaint {
  complaintId: string;
  storeId: string;
  regionId: string | null;
  category: string | null;
  source: string;
  channel: string;
  severity: string;
  receivedAt: string;
  firstResponseWithinSla: boolean | null;
  resolvedAt: string | null;
  resolutionWithinSla: boolean | null;
  repeat: boolean;
  escalated: boolean;
  /** Merged into another case: counted there, not here. */
  merged: boolean;
}

export interface ReportStaffComplaint {
  filedAt: string;
  storeId: string;
  regionId: string | null;
  outcome: 'upheld' | 'withdrawn' | 'dismissed' | null;
}

export interface ReportCallback {
  storeId: string;
  regionId: string | null;
  dueAt: string;
  status: string;
  sampled: boolean;
}

export interface ReportSampling {
  storeId: string;
  population: number;
  sampled: number;
}

export interface ComplaintReport {
  period: PeriodWindow;
  complaints: number;
  by: Record<'category' | 'source' | 'channel' | 'store' | 'region' | 'severity', Record<string, number>>;
  onTimeFirstResponseRate: number | null;
  onTimeResolutionRate: number | null;
  /** Hours from receipt to resolution, over the complaints resolved. */
  averageHandlingHours: number | null;
  repeatRate: number | null;
  escalationRate: number | null;
  staffComplaints: { count: number; upheldRate: number | null; withdrawnRate: number | null };
  callbacks: { due: number; completionRate: number | null; unreachableRate: number | null; sampleCoverage: number | null };
}

/** A share rounded to four places; no denominator, no rate (not zero). */
function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function countBy<T>(items: readonly T[], key: (t: T) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? 'unknown';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/**
 * §1.7.5 complaint statistics [PROPOSED formulas]: complaints received in the period, on-time
 * rates over those complaints, handling time over those resolved, staff complaints filed and
 * call-backs due in the period, and sample coverage = sampled / population of the sampling runs.
 */
export function complaintReport(
  window: PeriodWindow,
  input: { complaints: readonly ReportComplaint[]; staffComplaints: readonly ReportStaffComplaint[]; callbacks: readonly ReportCallback[]; sampling: readonly ReportSampling[] },
): ComplaintReport {
  const cs = input.complaints.filter((c) => !c.merged && inWindow(c.receivedAt, window));
  const resolved = cs.filter((c) => c.resolvedAt);
  const handlingMs = resolved.reduce((sum, c) => sum + (Date.parse(c.resolvedAt!) - Date.parse(c.receivedAt)), 0);
  const staff = input.staffComplaints.filter((s) => inWindow(s.filedAt, window));
  const callbacks = input.callbacks.filter((c) => inWindow(c.dueAt, window) && c.status !== 'cancelled');
  const population = input.sampling.reduce((n, s) => n + s.population, 0);
  const sampled = input.sampling.reduce((n, s) => n + s.sampled, 0);
  return {
    period: window,
    complaints: cs.length,
    by: {
      category: countBy(cs, (c) => c.category),
      source: countBy(cs, (c) => c.source),
      channel: countBy(cs, (c) => c.channel),
      store: countBy(cs, (c) => c.storeId),
      region: countBy(cs, (c) => c.regionId),
      severity: countBy(cs, (c) => c.severity),
    },
    onTimeFirstResponseRate: rate(cs.filter((c) => c.firstResponseWithinSla === true).length, cs.length),
    onTimeResolutionRate: rate(cs.filter((c) => c.resolutionWithinSla === true).length, cs.length),
    averageHandlingHours: resolved.length ? Math.round((handlingMs / resolved.length / 3_600_000) * 100) / 100 : null,
    repeatRate: rate(cs.filter((c) => c.repeat).length, cs.length),
    escalationRate: rate(cs.filter((c) => c.escalated).length, cs.length),
    staffComplaints: {
      count: staff.length,
      upheldRate: rate(staff.filter((s) => s.outcome === 'upheld').length, staff.length),
      withdrawnRate: rate(staff.filter((s) => s.outcome === 'withdrawn').length, staff.length),
    },
    callbacks: {
      due: callbacks.length,
      completionRate: rate(callbacks.filter((c) => c.status === 'completed').length, callbacks.length),
      unreachableRate: rate(callbacks.filter((c) => c.status === 'unreachable').length, callbacks.length),
      sampleCoverage: rate(sampled, population),
    },
  };
}
