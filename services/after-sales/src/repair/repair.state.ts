import type { Reporter, RequestIntake, ServiceMode } from '../common/after-sales.values.js';
import type { PaymentMethod, RepairClockKind, RepairStatus } from './repair.values.js';

/** The clock the repair runs against: the visit (on-site) or the workshop turnaround. */
export interface RepairClock {
  kind: RepairClockKind;
  startedAt: string;
  dueAt: string;
  policyVersion: number;
  stoppedAt?: string;
  breached: boolean;
  breachedAt?: string;
}

export interface Repair extends RequestIntake {
  requestId: string;
  status: RepairStatus;
  serviceMode: ServiceMode;
  reportedBy: Reporter;
  units: number;
  policyVersion: number;
  windowEndsAt?: string;
  visitAt?: string;
  registeredAt: string;
  registeredBy: string;
  clock?: RepairClock;
  receipt?: { at: string; accessoriesIncluded?: boolean; invoiceIncluded?: boolean; waybillNo?: string };
  diagnosis?: { fault: string; plan: string; free: boolean; at: string; by: string; byTechCentre: boolean };
  escalation?: { reason: string; at: string; by: string };
  quote?: { amount: number; paymentMethod?: PaymentMethod; status: 'pending' | 'accepted' | 'declined'; decidedAt?: string };
  technicianId?: string;
  qc?: { passed: boolean; notes?: string; at: string };
  readyAt?: string;
  returnWaybillNo?: string;
  completedAt?: string;
  callbackDueAt?: string;
  closedAt?: string;
  satisfaction?: number;
  cancellation?: { at: string; by: string; reason?: string };
  updatedAt: string;
}

export type RepairState = Repair | null;

export const initialRepairState = (): RepairState => null;

/** What the customer pays: nothing for a free (warranty) repair, else the accepted quote. */
export const chargeOf = (state: Pick<Repair, 'diagnosis' | 'quote'>): number =>
  state.diagnosis?.free || state.quote?.status !== 'accepted' ? 0 : state.quote.amount;
