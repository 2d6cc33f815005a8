import { Injectable } from '@nestjs/common';
import type { Actor, RecordedEvent } from '@cs/eventstore';
import type { RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { Reporter, RequestIntake, ServiceMode } from '../common/after-sales.values.js';
import { AfterSalesTermsService } from '../policy-config/after-sales-terms.service.js';
import type { FileRepair } from '../repair/repair.commands.js';
import type { FileReturn } from '../return-request/return-request.commands.js';
import type { ReturnRequestType } from '../return-request/return-request.values.js';
import { repairStream, returnRequestStream } from './after-sales-stream.js';
import { applyToLedger, ledgerCommandFor } from './order-return-ledger.inline.js';

/** Everything a filing says, from the HTTP body or from a complaint's compensation. */
export interface Filing extends Omit<RequestIntake, 'requestNo' | 'regionId'> {
  requestId: string;
  type: ReturnRequestType | 'repair';
  serviceMode?: ServiceMode;
  visitAt?: string;
  reportedBy?: Reporter;
  goodsPresent?: boolean;
}

/**
 * Files a return, exchange or repair under the terms in force now; the request keeps the window
 * and the clocks computed from them. A return or exchange takes its quantities from the order's
 * ledger in the same transaction.
 */
@Injectable()
export class RequestFiling {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly terms: AfterSalesTermsService,
  ) {}

  async file(filing: Filing, actor: Actor, ctx: RpcContext, request: unknown): Promise<CommandReply> {
    const store = this.org.requireStore(filing.storeId);
    const terms = await this.terms.inForce();
    const now = this.host.clock.now().toISOString();
    const { rows } = await this.host.pool.query<{ n: string }>("select nextval('after_sales_no_seq') as n");
    const requestNo = `AS${now.slice(0, 10).replace(/-/g, '')}-${rows[0].n.padStart(5, '0')}`;
    const { type, serviceMode, visitAt, reportedBy, goodsPresent, ...intake } = filing;
    const common = { ...intake, requestNo, regionId: store.regionId, terms, now, actor };
    if (type === 'repair') {
      const command: FileRepair = { ...common, type: 'FileRepair', serviceMode: serviceMode ?? 'carry_in', visitAt, reportedBy };
      return runCommand(this.host, filing.requestId, repairStream.spec(filing.requestId), command, ctx, {
        request,
        toResult: (s) => ({ requestNo, type, status: s?.status, windowEndsAt: s?.windowEndsAt ?? null, dueAt: s?.clock?.dueAt ?? null, policyVersion: terms.version }),
      });
    }
    const command: FileReturn = { ...common, type: 'FileReturn', requestType: type, goodsPresent };
    return runCommand(this.host, filing.requestId, returnRequestStream.spec(filing.requestId), command, ctx, {
      request,
      inline: (client, events: RecordedEvent[], state) => {
        const ledger = ledgerCommandFor(events, state, actor, now);
        return ledger ? applyToLedger(this.host.store, client, ledger, { actor, occurredAt: now, causationId: filing.requestId }) : Promise.resolve();
      },
      toResult: (s) => ({ requestNo, type, status: s?.status, windowEndsAt: s?.windowEndsAt ?? null, dueAt: null, refundCeiling: s?.refundCeiling, policyVersion: terms.version }),
    });
  }
}
