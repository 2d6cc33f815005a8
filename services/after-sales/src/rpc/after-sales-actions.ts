import type { ClassConstructor } from 'class-transformer';
import {
  AcceptRepairQuoteCommand,
  AfterSalesRpc,
  ApproveAfterSalesCommand,
  CancelAfterSalesCommand,
  CloseAfterSalesCommand,
  CompleteAfterSalesCommand,
  DeclineRepairQuoteCommand,
  DiagnoseRepairCommand,
  EscalateRepairCommand,
  InspectAfterSalesGoodsCommand,
  IssueAfterSalesRefundCommand,
  MarkRepairReadyCommand,
  QuoteRepairCommand,
  ReceiveAfterSalesGoodsCommand,
  RecordRepairQcCommand,
  RejectAfterSalesCommand,
  ShipReplacementCommand,
  StartRepairCommand,
} from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import { validatePayload } from '@cs/messaging';
import { consumed } from '@cs/nest-common';
import { categoryOf } from '../common/after-sales.values.js';
import { inspectionConditionsFor, type TermsInForce } from '../policy/after-sales-terms.policy.js';
import { callbackDueAt } from '../policy/repair-due.policy.js';
import type { RepairCommand } from '../repair/repair.commands.js';
import type { Repair } from '../repair/repair.state.js';
import type { ReturnRequestCommand } from '../return-request/return-request.commands.js';
import type { ReturnRequest } from '../return-request/return-request.state.js';

type ReturnActionCommand = Exclude<ReturnRequestCommand, { type: 'FileReturn' }>;
type RepairActionCommand = Exclude<RepairCommand, { type: 'FileRepair' | 'RecordRepairBreach' }>;

/** What a mapping has besides its request: the request as folded for this command, the stamp and the terms in force. */
export interface On<State> {
  state: State;
  stamp: { now: string; actor: Actor };
  terms(): Promise<TermsInForce>;
}

interface Mapping<R> {
  onReturn?: (request: R, on: On<ReturnRequest>) => ReturnActionCommand | Promise<ReturnActionCommand>;
  onRepair?: (request: R, on: On<Repair>) => RepairActionCommand | Promise<RepairActionCommand>;
  /** Customers may do it on their own requests. */
  customer?: boolean;
}

export interface ParsedAction {
  request: { requestId: string };
  onReturn?: (on: On<ReturnRequest>) => ReturnActionCommand | Promise<ReturnActionCommand>;
  onRepair?: (on: On<Repair>) => RepairActionCommand | Promise<RepairActionCommand>;
}

export type Action = { customer: boolean; parse(payload: unknown): Promise<ParsedAction> };

/** A validated request class and its field-by-field mapping to the command of each machine it applies to. */
function action<R extends { requestId: string }>(dto: ClassConstructor<R>, mapping: Mapping<R>): Action {
  return {
    customer: mapping.customer ?? false,
    async parse(payload) {
      const request = await validatePayload(dto, payload);
      return {
        request,
        onReturn: mapping.onReturn && ((on) => mapping.onReturn!(request, on)),
        onRepair: mapping.onRepair && ((on) => mapping.onRepair!(request, on)),
      };
    },
  };
}

/** Every action after filing: RPC subject → request class → the command on whichever machine the request runs. */
export const AFTER_SALES_ACTIONS: Record<string, Action> = {
  [AfterSalesRpc.ApproveRequest]: action(ApproveAfterSalesCommand, {
    onReturn: ({ requestId, note, ...rest }, on) => (consumed(rest), { type: 'ApproveReturn', requestId, note, ...on.stamp }),
  }),
  [AfterSalesRpc.RejectRequest]: action(RejectAfterSalesCommand, {
    onReturn: ({ requestId, reason, note, ...rest }, on) => (consumed(rest), { type: 'RejectReturn', requestId, reason, note, ...on.stamp }),
  }),
  // a workshop repair's turnaround clock starts at receipt, under the terms in force then
  [AfterSalesRpc.ReceiveGoods]: action(ReceiveAfterSalesGoodsCommand, {
    onReturn: ({ requestId, accessoriesIncluded, invoiceIncluded, waybillNo, ...rest }, on) => {
      consumed(rest);
      return { type: 'ReceiveReturnGoods', requestId, accessoriesIncluded: accessoriesIncluded ?? false, invoiceIncluded: invoiceIncluded ?? false, waybillNo, ...on.stamp };
    },
    onRepair: async ({ requestId, accessoriesIncluded, invoiceIncluded, waybillNo, ...rest }, on) => {
      consumed(rest);
      return { type: 'ReceiveRepairItem', requestId, accessoriesIncluded, invoiceIncluded, waybillNo, terms: await on.terms(), ...on.stamp };
    },
  }),
  [AfterSalesRpc.InspectGoods]: action(InspectAfterSalesGoodsCommand, {
    onReturn: async ({ requestId, result, failedConditions, notes, ...rest }, on) => {
      consumed(rest);
      const knownConditions = inspectionConditionsFor(await on.terms(), on.state.items.map(categoryOf));
      return { type: 'InspectReturn', requestId, result, failedConditions: failedConditions ?? [], notes, knownConditions, ...on.stamp };
    },
  }),
  [AfterSalesRpc.IssueRefund]: action(IssueAfterSalesRefundCommand, {
    onReturn: ({ requestId, amount, method, ...rest }, on) => (consumed(rest), { type: 'IssueRefund', requestId, amount, method, ...on.stamp }),
  }),
  [AfterSalesRpc.ShipReplacement]: action(ShipReplacementCommand, {
    onReturn: ({ requestId, sku, waybillNo, ...rest }, on) => (consumed(rest), { type: 'ShipReplacement', requestId, sku, waybillNo, ...on.stamp }),
  }),
  [AfterSalesRpc.DiagnoseRepair]: action(DiagnoseRepairCommand, {
    onRepair: ({ requestId, fault, plan, warranty, ...rest }, on) => (consumed(rest), { type: 'DiagnoseRepair', requestId, fault, plan, warranty, ...on.stamp }),
  }),
  [AfterSalesRpc.QuoteRepair]: action(QuoteRepairCommand, {
    onRepair: ({ requestId, amount, paymentMethod, ...rest }, on) => (consumed(rest), { type: 'QuoteRepair', requestId, amount, paymentMethod, ...on.stamp }),
  }),
  [AfterSalesRpc.AcceptQuote]: action(AcceptRepairQuoteCommand, {
    customer: true,
    onRepair: ({ requestId, note, ...rest }, on) => (consumed(rest), { type: 'AcceptQuote', requestId, note, ...on.stamp }),
  }),
  [AfterSalesRpc.DeclineQuote]: action(DeclineRepairQuoteCommand, {
    customer: true,
    onRepair: ({ requestId, reason, ...rest }, on) => (consumed(rest), { type: 'DeclineQuote', requestId, reason, ...on.stamp }),
  }),
  [AfterSalesRpc.StartRepair]: action(StartRepairCommand, {
    onRepair: ({ requestId, note, ...rest }, on) => (consumed(rest), { type: 'StartRepair', requestId, note, ...on.stamp }),
  }),
  [AfterSalesRpc.RecordQc]: action(RecordRepairQcCommand, {
    onRepair: ({ requestId, passed, notes, ...rest }, on) => (consumed(rest), { type: 'RecordQc', requestId, passed, notes, ...on.stamp }),
  }),
  [AfterSalesRpc.MarkReady]: action(MarkRepairReadyCommand, {
    onRepair: ({ requestId, waybillNo, ...rest }, on) => (consumed(rest), { type: 'MarkReady', requestId, waybillNo, ...on.stamp }),
  }),
  [AfterSalesRpc.EscalateRepair]: action(EscalateRepairCommand, {
    onRepair: ({ requestId, reason, ...rest }, on) => (consumed(rest), { type: 'EscalateRepair', requestId, reason, ...on.stamp }),
  }),
  // completion schedules the after-sales call-back, as many days out as the terms in force say
  [AfterSalesRpc.CompleteRequest]: action(CompleteAfterSalesCommand, {
    onReturn: async ({ requestId, note, ...rest }, on) => {
      consumed(rest);
      return { type: 'CompleteReturn', requestId, note, callbackDueAt: callbackDueAt(on.stamp.now, await on.terms()), ...on.stamp };
    },
    onRepair: async ({ requestId, note, ...rest }, on) => {
      consumed(rest);
      return { type: 'CompleteRepair', requestId, note, callbackDueAt: callbackDueAt(on.stamp.now, await on.terms()), ...on.stamp };
    },
  }),
  [AfterSalesRpc.CancelRequest]: action(CancelAfterSalesCommand, {
    customer: true,
    onReturn: ({ requestId, reason, ...rest }, on) => (consumed(rest), { type: 'CancelReturn', requestId, reason, ...on.stamp }),
    onRepair: ({ requestId, reason, ...rest }, on) => (consumed(rest), { type: 'CancelRepair', requestId, reason, ...on.stamp }),
  }),
  [AfterSalesRpc.CloseRequest]: action(CloseAfterSalesCommand, {
    onReturn: ({ requestId, note, satisfaction, ...rest }, on) => (consumed(rest), { type: 'CloseReturn', requestId, note, satisfaction, ...on.stamp }),
    onRepair: ({ requestId, note, satisfaction, ...rest }, on) => (consumed(rest), { type: 'CloseRepair', requestId, note, satisfaction, ...on.stamp }),
  }),
};
