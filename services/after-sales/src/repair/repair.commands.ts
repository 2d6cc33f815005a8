import type { Reporter, RequestActor, RequestIntake, ServiceMode, WarrantyStatus } from '../common/after-sales.values.js';
import type { TermsInForce } from '../policy/after-sales-terms.policy.js';
import type { PaymentMethod, RepairClockKind } from './repair.values.js';

interface CommandBase {
  requestId: string;
  now: string;
  actor: RequestActor;
}

export interface FileRepair extends CommandBase, RequestIntake {
  type: 'FileRepair';
  serviceMode: ServiceMode;
  reportedBy?: Reporter;
  /** On-site: the time the customer chose. */
  visitAt?: string;
  terms: TermsInForce;
}

export interface ReceiveRepairItem extends CommandBase {
  type: 'ReceiveRepairItem';
  accessoriesIncluded?: boolean;
  invoiceIncluded?: boolean;
  waybillNo?: string;
  terms: TermsInForce;
}

export interface DiagnoseRepair extends CommandBase {
  type: 'DiagnoseRepair';
  fault: string;
  plan: string;
  /** The technician's finding when intake did not know. */
  warranty?: WarrantyStatus;
}

export interface EscalateRepair extends CommandBase {
  type: 'EscalateRepair';
  reason: string;
}

export interface QuoteRepair extends CommandBase {
  type: 'QuoteRepair';
  amount: number;
  paymentMethod?: PaymentMethod;
}

export interface AcceptQuote extends CommandBase {
  type: 'AcceptQuote';
  /** How the customer agreed. */
  note?: string;
}

export interface DeclineQuote extends CommandBase {
  type: 'DeclineQuote';
  reason?: string;
}

export interface StartRepair extends CommandBase {
  type: 'StartRepair';
  note?: string;
}

export interface RecordQc extends CommandBase {
  type: 'RecordQc';
  passed: boolean;
  notes?: string;
}

export interface MarkReady extends CommandBase {
  type: 'MarkReady';
  /** Mail-in: the return waybill. */
  waybillNo?: string;
}

export interface CompleteRepair extends CommandBase {
  type: 'CompleteRepair';
  note?: string;
  callbackDueAt: string;
}

export interface CloseRepair extends CommandBase {
  type: 'CloseRepair';
  note?: string;
  satisfaction?: number;
}

export interface CancelRepair extends CommandBase {
  type: 'CancelRepair';
  reason?: string;
}

/** Issued by the durable timer at the clock's instant. */
export interface RecordRepairBreach extends CommandBase {
  type: 'RecordRepairBreach';
  clock: RepairClockKind;
  dueAt: string;
}

export type RepairCommand =
  | FileRepair
  | ReceiveRepairItem
  | DiagnoseRepair
  | EscalateRepair
  | QuoteRepair
  | AcceptQuote
  | DeclineQuote
  | StartRepair
  | RecordQc
  | MarkReady
  | CompleteRepair
  | CloseRepair
  | CancelRepair
  | RecordRepairBreach;

export type RepairCommandType = RepairCommand['type'];
