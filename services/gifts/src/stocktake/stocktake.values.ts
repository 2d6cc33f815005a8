/** Why a counted quantity differs from the book (§1.6.6). */
export const VARIANCE_REASONS = ['damaged', 'lost', 'issued_not_recorded', 'received_not_recorded', 'miscount', 'theft_suspected', 'other'] as const;
export type VarianceReason = (typeof VARIANCE_REASONS)[number];

/** [PROPOSED] max(1 unit, 2 %) of the book; high-value SKUs 0. Configuration, passed in. */
export interface TolerancePolicy {
  minUnits: number;
  percent: number;
}

/** Who handles an escalated count (the CS manager, R109). */
export const ESCALATION_ROLES = ['hq_cs_manager', 'admin'] as const;

export function toleranceFor(bookQty: number, highValue: boolean, policy: TolerancePolicy): number {
  if (highValue) return 0;
  return Math.max(policy.minUnits, Math.floor((bookQty * policy.percent) / 100));
}

/** The book of one SKU as pinned when counting started. */
export interface PinnedLine {
  sku: string;
  bookQty: number;
  /** The stock stream's version at the pin: later movements are "during the count". */
  pinnedVersion: number;
  /** Integer minor units (fen). */
  unitCost: number;
  tolerance: number;
}

export interface CountLine {
  sku: string;
  counted: number;
  reason?: VarianceReason;
}

export interface VarianceLine {
  sku: string;
  bookQty: number;
  counted: number;
  /** counted − book. */
  variance: number;
  /** variance × unit cost, fen. */
  varianceValue: number;
  tolerance: number;
  reason?: VarianceReason;
  /** Net stock movement between the pin and the submission, reported beside the variance. */
  movementsDuringCount: number;
}

export type EscalationCause = 'beyond_tolerance' | 'theft_suspected';

export function escalationOf(line: VarianceLine): EscalationCause | undefined {
  if (line.reason === 'theft_suspected') return 'theft_suspected';
  if (Math.abs(line.variance) > line.tolerance) return 'beyond_tolerance';
  return undefined;
}
