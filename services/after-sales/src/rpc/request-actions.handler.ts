import { Injectable } from '@nestjs/common';
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
import { DomainError, type RecordedEvent } from '@cs/eventstore';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { categoryOf } from '../common/after-sales.values.js';
import { AfterSalesTermsService } from '../policy-config/after-sales-terms.service.js';
import { inspectionConditionsFor, type TermsInForce } from '../policy/after-sales-terms.policy.js';
import { callbackDueAt } from '../policy/repair-due.policy.js';
import type { RepairCommand } from '../repair/repair.commands.js';
import type { ReturnRequestCommand } from '../return-request/return-request.commands.js';
import type { ReturnRequestState } from '../return-request/return-request.state.js';
import { AfterSalesAccessCodes, canSeeRequest, requestNotFound } from './after-sales-access.js';
import { loadRequest, repairSpec, returnRequestSpec, type LoadedRequest } from './after-sales-stream.js';
import { applyToLedger, ledgerCommandFor } from './order-return-ledger.inline.js';

type ReturnType_ = Exclude<ReturnRequestCommand['type'], 'FileReturn'>;
type RepairType = Exclude<RepairCommand['type'], 'FileRepair' | 'RecordRepairBreach'>;

interface Action {
  dto: ClassConstructor<{ requestId: string }>;
  /** The command on a return or exchange, if the action applies to one. */
  onReturn?: ReturnType_;
  /** The command on a repair, if the action applies to one. */
  onRepair?: RepairType;
  /** Customers may do it on their own requests. */
  customer?: boolean;
}

/** Every action after filing: RPC subject → request class → the command on whichever machine the request runs. */
export const AFTER_SALES_ACTIONS: Record<string, Action> = {
  [AfterSalesRpc.ApproveRequest]: { dto: ApproveAfterSalesCommand, onReturn: 'ApproveReturn' },
  [AfterSalesRpc.RejectRequest]: { dto: RejectAfterSalesCommand, onReturn: 'RejectReturn' },
  [AfterSalesRpc.ReceiveGoods]: { dto: ReceiveAfterSalesGoodsCommand, onReturn: 'ReceiveReturnGoods', onRepair: 'ReceiveRepairItem' },
  [AfterSalesRpc.InspectGoods]: { dto: InspectAfterSalesGoodsCommand, onReturn: 'InspectReturn' },
  [AfterSalesRpc.IssueRefund]: { dto: IssueAfterSalesRefundCommand, onReturn: 'IssueRefund' },
  [AfterSalesRpc.ShipReplacement]: { dto: ShipReplacementCommand, onReturn: 'ShipReplacement' },
  [AfterSalesRpc.DiagnoseRepair]: { dto: DiagnoseRepairCommand, onRepair: 'DiagnoseRepair' },
  [AfterSalesRpc.QuoteRepair]: { dto: QuoteRepairCommand, onRepair: 'QuoteRepair' },
  [AfterSalesRpc.AcceptQuote]: { dto: AcceptRepairQuoteCommand, onRepair: 'AcceptQuote', customer: true },
  [AfterSalesRpc.DeclineQuote]: { dto: DeclineRepairQuoteCommand, onRepair: 'DeclineQuote', customer: true },
  [AfterSalesRpc.StartRepair]: { dto: StartRepairCommand, onRepair: 'StartRepair' },
  [AfterSalesRpc.RecordQc]: { dto: RecordRepairQcCommand, onRepair: 'RecordQc' },
  [AfterSalesRpc.MarkReady]: { dto: MarkRepairReadyCommand, onRepair: 'MarkReady' },
  [AfterSalesRpc.EscalateRepair]: { dto: EscalateRepairCommand, onRepair: 'EscalateRepair' },
  [AfterSalesRpc.CompleteRequest]: { dto: CompleteAfterSalesCommand, onReturn: 'CompleteReturn', onRepair: 'CompleteRepair' },
  [AfterSalesRpc.CancelRequest]: { dto: CancelAfterSalesCommand, onReturn: 'CancelReturn', onRepair: 'CancelRepair', customer: true },
  [AfterSalesRpc.CloseRequest]: { dto: CloseAfterSalesCommand, onReturn: 'CloseReturn', onRepair: 'CloseRepair' },
};

const notApplicable = (subject: string, kind: LoadedRequest['kind']) =>
  new DomainError(
    AfterSalesAccessCodes.NOT_APPLICABLE,
    kind === 'repair' ? `${subject.split('.').pop()} is not a step of a repair` : `${subject.split('.').pop()} is a step of repairs only`,
    'conflict',
    { kind },
  );

@Injectable()
export class RequestActionsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly terms: AfterSalesTermsService,
  ) {}

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = AFTER_SALES_ACTIONS[subject];
    const actor = requireActor(ctx);
    const request = await validatePayload(action.dto, payload);
    const { requestId, ...body } = request as { requestId: string } & Record<string, unknown>;
    const loaded = await loadRequest(this.host, requestId);
    if (!loaded || !canSeeRequest(this.org, actor, loaded.state)) throw requestNotFound(requestId);
    if (actor.role === 'customer' && !action.customer) {
      throw new DomainError(AfterSalesAccessCodes.CUSTOMER_NOT_ALLOWED, 'Customers may cancel and answer quotes only', 'forbidden');
    }
    const now = this.host.clock.now().toISOString();
    const terms = await this.terms.inForce();
    const common = { ...body, requestId, now, actor };

    if (loaded.kind === 'return') {
      if (!action.onReturn) throw notApplicable(subject, loaded.kind);
      const command = { ...common, ...this.returnExtras(action.onReturn, body, loaded.state, terms, now), type: action.onReturn } as ReturnRequestCommand;
      return runCommand(this.host, requestId, returnRequestSpec(requestId), command, ctx, {
        request,
        inline: (client, events: RecordedEvent[], state: ReturnRequestState) => {
          const ledger = ledgerCommandFor(events, state, actor, now);
          return ledger ? applyToLedger(this.host.store, client, ledger, { actor, occurredAt: now, causationId: requestId }) : Promise.resolve();
        },
        toResult: (s) => ({ type: s?.type, status: s?.status, refundedTotal: s?.refundedTotal, refundRemaining: s ? s.refundCeiling - s.refundedTotal : undefined }),
      });
    }
    if (!action.onRepair) throw notApplicable(subject, loaded.kind);
    const command = { ...common, ...this.repairExtras(action.onRepair, terms, now), type: action.onRepair } as RepairCommand;
    return runCommand(this.host, requestId, repairSpec(requestId), command, ctx, {
      request,
      toResult: (s) => ({ type: 'repair', status: s?.status, dueAt: s?.clock?.dueAt ?? null, breached: s?.clock?.breached ?? false }),
    });
  }

  /** What the return's commands need besides the body: defaults, the configured conditions, the call-back due date. */
  private returnExtras(type: ReturnType_, body: Record<string, unknown>, state: NonNullable<ReturnRequestState>, terms: TermsInForce, now: string) {
    switch (type) {
      case 'ReceiveReturnGoods':
        return { accessoriesIncluded: body.accessoriesIncluded ?? false, invoiceIncluded: body.invoiceIncluded ?? false };
      case 'InspectReturn':
        return { failedConditions: body.failedConditions ?? [], knownConditions: inspectionConditionsFor(terms, state.items.map(categoryOf)) };
      case 'CompleteReturn':
        return { callbackDueAt: callbackDueAt(now, terms) };
      default:
        return {};
    }
  }

  private repairExtras(type: RepairType, terms: TermsInForce, now: string) {
    switch (type) {
      case 'ReceiveRepairItem':
        return { terms };
      case 'CompleteRepair':
        return { callbackDueAt: callbackDueAt(now, terms) };
      default:
        return {};
    }
  }
}
