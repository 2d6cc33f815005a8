import type { RequestActor, RequestIntake } from '../common/after-sales.values.js';
import type { TermsInForce } from '../policy/after-sales-terms.policy.js';
import type { InspectionResult, RejectionReason, ReturnRequestType } from './return-request.values.js';

export type { RequestActor };

interface CommandBase {
  requestId: string;
  now: string;
  actor: RequestActor;
}

export interface FileReturn extends CommandBase, RequestIntake {
  type: 'FileReturn';
  requestType: ReturnRequestType;
  goodsPresent?: boolean;
  /** The terms in force now (window days, zone, reasons, non-returnable categories). */
  terms: TermsInForce;
}

export interface ApproveReturn extends CommandBase {
  type: 'ApproveReturn';
  note?: string;
}

export interface RejectReturn extends CommandBase {
  type: 'RejectReturn';
  reason: RejectionReason;
  note?: string;
}

export interface ReceiveReturnGoods extends CommandBase {
  type: 'ReceiveReturnGoods';
  accessoriesIncluded: boolean;
  invoiceIncluded: boolean;
  waybillNo?: string;
}

export interface InspectReturn extends CommandBase {
  type: 'InspectReturn';
  result: InspectionResult;
  failedConditions: string[];
  notes?: string;
  /** The conditions the configured terms name for this request's categories. */
  knownConditions: string[];
}

export interface IssueRefund extends CommandBase {
  type: 'IssueRefund';
  amount: number;
  method?: string;
}

export interface ShipReplacement extends CommandBase {
  type: 'ShipReplacement';
  sku: string;
  waybillNo?: string;
}

export interface CompleteReturn extends CommandBase {
  type: 'CompleteReturn';
  note?: string;
  /** Computed by the caller from the terms in force (the call-back is scheduled at completion). */
  callbackDueAt: string;
}

export interface CloseReturn extends CommandBase {
  type: 'CloseReturn';
  note?: string;
  satisfaction?: number;
}

export interface CancelReturn extends CommandBase {
  type: 'CancelReturn';
  reason?: string;
}

export type ReturnRequestCommand =
  | FileReturn
  | ApproveReturn
  | RejectReturn
  | ReceiveReturnGoods
  | InspectReturn
  | IssueRefund
  | ShipReplacement
  | CompleteReturn
  | CloseReturn
  | CancelReturn;

export type ReturnRequestCommandType = ReturnRequestCommand['type'];
