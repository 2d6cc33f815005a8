import { Injectable } from '@nestjs/common';
import { DomainError, type RecordedEvent } from '@cs/eventstore';
import { requireActor, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { AfterSalesTermsService } from '../policy-config/after-sales-terms.service.js';
import type { TermsInForce } from '../policy/after-sales-terms.policy.js';
import type { Repair } from '../repair/repair.state.js';
import type { ReturnRequest } from '../return-request/return-request.state.js';
import { AFTER_SALES_ACTIONS } from './after-sales-actions.js';
import { AfterSalesAccessCodes, canSeeRequest, requestNotFound } from './after-sales-access.js';
import { loadRequest, repairStream, returnRequestStream, type LoadedRequest } from './after-sales-stream.js';
import { applyToLedger, ledgerCommandFor } from './order-return-ledger.inline.js';

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

  /**
   * Which machine the id runs on is read first (both streams in one round trip); the command is
   * then built, access checked, from the state the command handler folds for it.
   */
  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const entry = AFTER_SALES_ACTIONS[subject];
    const actor = requireActor(ctx);
    const parsed = await entry.parse(payload);
    const { requestId } = parsed.request;
    // out of the caller's scope, a request does not exist: checked before anything about its kind or status is said
    const loaded = await loadRequest(this.host, requestId);
    if (!loaded || !canSeeRequest(this.org, actor, loaded.state)) throw requestNotFound(requestId);
    const kind = loaded.kind;
    const stamp = { now: this.host.clock.now().toISOString(), actor };
    let terms: Promise<TermsInForce> | undefined;
    const lookups = { stamp, terms: () => (terms ??= this.terms.inForce()) };
    const visible = <S extends ReturnRequest | Repair>(state: S | null): S => {
      if (!state || !canSeeRequest(this.org, actor, state)) throw requestNotFound(requestId);
      if (actor.role === 'customer' && !entry.customer) {
        throw new DomainError(AfterSalesAccessCodes.CUSTOMER_NOT_ALLOWED, 'Customers may cancel and answer quotes only', 'forbidden');
      }
      return state;
    };

    if (kind === 'return') {
      const onReturn = parsed.onReturn;
      if (!onReturn) throw notApplicable(subject, kind);
      return runCommand(this.host, requestId, returnRequestStream.spec(requestId), (state) => onReturn({ state: visible(state), ...lookups }), ctx, {
        request: parsed.request,
        // the order's ledger gives back what a cancelled or refused request held, in the same transaction
        inline: (client, events: RecordedEvent[], state) => {
          const ledger = ledgerCommandFor(events, state, actor, stamp.now);
          return ledger ? applyToLedger(this.host.store, client, ledger, { actor, occurredAt: stamp.now, causationId: requestId }) : Promise.resolve();
        },
        toResult: (s) => ({ type: s?.type, status: s?.status, refundedTotal: s?.refundedTotal, refundRemaining: s ? s.refundCeiling - s.refundedTotal : undefined }),
      });
    }
    const onRepair = parsed.onRepair;
    if (!onRepair) throw notApplicable(subject, kind);
    return runCommand(this.host, requestId, repairStream.spec(requestId), (state) => onRepair({ state: visible(state), ...lookups }), ctx, {
      request: parsed.request,
      toResult: (s) => ({ type: 'repair', status: s?.status, dueAt: s?.clock?.dueAt ?? null, breached: s?.clock?.breached ?? false }),
    });
  }
}
