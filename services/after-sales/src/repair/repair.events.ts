import type { Event } from '@cs/eventstore';
import type { Reporter, RequestIntake, ServiceMode } from '../common/after-sales.values.js';
import type { PaymentMethod, RepairClockKind } from './repair.values.js';

interface Stamp {
  at: string;
  by: string;
}

export type RepairRegistered = Event<
  'RepairRegistered',
  Stamp &
    RequestIntake & {
      requestId: string;
      serviceMode: ServiceMode;
      reportedBy: Reporter;
      units: number;
      policyVersion: number;
      /** For information: a repair has no return window, but the receipt date tells the warranty desk. */
      windowEndsAt?: string;
      visitAt?: string;
      registeredAt: string;
    }
>;

/** On-site: the visit is due within the configured hours of the call, or at the customer's time. */
export type RepairVisitScheduled = Event<'RepairVisitScheduled', Stamp & { visitAt?: string; dueAt: string; policyVersion: number }>;

/** Carry-in, mail-in, salesperson: the turnaround clock starts at receipt. */
export type RepairItemReceived = Event<
  'RepairItemReceived',
  Stamp & { receivedAt: string; dueAt: string; policyVersion: number; accessoriesIncluded?: boolean; invoiceIncluded?: boolean; waybillNo?: string }
>;

export type RepairDiagnosed = Event<
  'RepairDiagnosed',
  Stamp & { fault: string; plan: string; free: boolean; visitedAt?: string; byTechCentre: boolean }
>;

export type RepairEscalated = Event<'RepairEscalated', Stamp & { reason: string; to: 'tech_centre' }>;

export type RepairQuoted = Event<'RepairQuoted', Stamp & { amount: number; paymentMethod?: PaymentMethod }>;

export type RepairQuoteAccepted = Event<'RepairQuoteAccepted', Stamp & { amount: number; note?: string }>;

export type RepairQuoteDeclined = Event<'RepairQuoteDeclined', Stamp & { amount: number; reason?: string }>;

export type RepairStarted = Event<'RepairStarted', Stamp & { technicianId: string; note?: string }>;

export type RepairQcRecorded = Event<'RepairQcRecorded', Stamp & { passed: boolean; notes?: string }>;

export type RepairReady = Event<'RepairReady', Stamp & { readyAt: string }>;

export type RepairReturnShipped = Event<'RepairReturnShipped', Stamp & { readyAt: string; waybillNo: string }>;

/** R72: a dealer or property manager who called the repair in hears the result. */
export type RepairCompleted = Event<
  'RepairCompleted',
  Stamp & { completedAt: string; reportedBy: Reporter; notifyReporter: boolean; charged: number; note?: string }
>;

export type RepairCallbackScheduled = Event<'RepairCallbackScheduled', Stamp & { dueAt: string }>;

export type RepairClosed = Event<'RepairClosed', Stamp & { note?: string; satisfaction?: number }>;

export type RepairCancelled = Event<'RepairCancelled', Stamp & { reason?: string }>;

export type RepairDeadlineBreached = Event<'RepairDeadlineBreached', Stamp & { clock: RepairClockKind; dueAt: string }>;

export type RepairEvent =
  | RepairRegistered
  | RepairVisitScheduled
  | RepairItemReceived
  | RepairDiagnosed
  | RepairEscalated
  | RepairQuoted
  | RepairQuoteAccepted
  | RepairQuoteDeclined
  | RepairStarted
  | RepairQcRecorded
  | RepairReady
  | RepairReturnShipped
  | RepairCompleted
  | RepairCallbackScheduled
  | RepairClosed
  | RepairCancelled
  | RepairDeadlineBreached;

export type RepairEventType = RepairEvent['type'];
