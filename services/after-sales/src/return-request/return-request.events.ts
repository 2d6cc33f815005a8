import type { Event } from '@cs/eventstore';
import type { RequestIntake } from '../common/after-sales.values.js';
import type { InspectionResult, RejectionReason, ReturnRequestType } from './return-request.values.js';

/** `at` is the command's `now`; `by` the acting user's id. */
interface Stamp {
  at: string;
  by: string;
}

/** The window end and the refund ceiling are pinned here: a later policy change moves neither. */
export type ReturnRequested = Event<
  'ReturnRequested',
  Stamp &
    RequestIntake & {
      requestId: string;
      type: ReturnRequestType;
      policyVersion: number;
      windowEndsAt?: string;
      /** What was paid for the returned lines (or the compensation granted): refunds never exceed it. */
      refundCeiling: number;
      /** Filed at the counter with the goods present: receipt needs no separate approval. */
      goodsPresent: boolean;
      requestedAt: string;
    }
>;

/** Without items (a complaint's compensation), nothing comes back: the refund or replacement is due at once. */
export type ReturnApproved = Event<'ReturnApproved', Stamp & { note?: string; goodsExpected: boolean; requestType: ReturnRequestType }>;

export type ReturnRejected = Event<
  'ReturnRejected',
  Stamp & { reason: RejectionReason; note?: string; windowEndsAt?: string; warrantyRepairOffered: boolean }
>;

export type ReturnGoodsReceived = Event<
  'ReturnGoodsReceived',
  Stamp & { accessoriesIncluded: boolean; invoiceIncluded: boolean; waybillNo?: string; receivedAt: string }
>;

export type ReturnInspected = Event<
  'ReturnInspected',
  Stamp & { result: InspectionResult; failedConditions: string[]; notes?: string; requestType: ReturnRequestType }
>;

export type RefundIssued = Event<
  'RefundIssued',
  Stamp & { refundNo: number; amount: number; refundedTotal: number; remaining: number; method?: string }
>;

export type ReplacementShipped = Event<'ReplacementShipped', Stamp & { sku: string; waybillNo?: string }>;

export type ReturnCompleted = Event<'ReturnCompleted', Stamp & { completedAt: string; refundedTotal: number; note?: string }>;

export type ReturnCallbackScheduled = Event<'ReturnCallbackScheduled', Stamp & { dueAt: string }>;

export type ReturnClosed = Event<'ReturnClosed', Stamp & { note?: string; satisfaction?: number }>;

export type ReturnCancelled = Event<'ReturnCancelled', Stamp & { reason?: string }>;

export type ReturnRequestEvent =
  | ReturnRequested
  | ReturnApproved
  | ReturnRejected
  | ReturnGoodsReceived
  | ReturnInspected
  | RefundIssued
  | ReplacementShipped
  | ReturnCompleted
  | ReturnCallbackScheduled
  | ReturnClosed
  | ReturnCancelled;

export type ReturnRequestEventType = ReturnRequestEvent['type'];
