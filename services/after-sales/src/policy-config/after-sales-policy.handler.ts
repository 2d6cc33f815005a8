import { Injectable } from '@nestjs/common';
import { DefineAfterSalesPolicyRequest, GetAfterSalesPolicyQuery } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, toHistory, type CommandReply } from '@cs/nest-common';
import type { DefineAfterSalesPolicy } from '../after-sales-policy/after-sales-policy.commands.js';
import { DEFAULT_AFTER_SALES_POLICY_ID } from '../after-sales-policy/after-sales-policy.decider.js';
import { afterSalesPolicyStream } from '../rpc/after-sales-stream.js';
import { AfterSalesTermsService } from './after-sales-terms.service.js';

/** `/v1/config/after-sales-policy`: the terms as events; requests keep the version they were filed under. */
@Injectable()
export class AfterSalesPolicyHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly terms: AfterSalesTermsService,
  ) {}

  async get(payload: unknown, _ctx: RpcContext) {
    const query = await validatePayload(GetAfterSalesPolicyQuery, payload ?? {});
    return { id: DEFAULT_AFTER_SALES_POLICY_ID, ...(await this.terms.inForce(query.asOf ? new Date(query.asOf) : undefined)) };
  }

  async history(_payload: unknown, _ctx: RpcContext) {
    return { items: toHistory((await afterSalesPolicyStream.load(this.host, DEFAULT_AFTER_SALES_POLICY_ID)).events) };
  }

  async define(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(DefineAfterSalesPolicyRequest, payload);
    const actor = requireActor(ctx);
    const command: DefineAfterSalesPolicy = {
      type: 'DefineAfterSalesPolicy',
      policyId: DEFAULT_AFTER_SALES_POLICY_ID,
      returnWindowDays: request.returnWindowDays,
      timezone: request.timezone,
      allowedReasons: request.allowedReasons,
      onSiteVisitHours: request.onSiteVisitHours,
      turnaround: { unitsPerBlock: request.turnaround.unitsPerBlock, workingDaysPerBlock: request.turnaround.workingDaysPerBlock },
      callbackDueDays: request.callbackDueDays,
      nonReturnableCategories: request.nonReturnableCategories,
      inspectionConditions: request.inspectionConditions,
      weekendDays: request.weekendDays,
      holidays: request.holidays,
      makeUpWorkingDays: request.makeUpWorkingDays,
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, DEFAULT_AFTER_SALES_POLICY_ID, afterSalesPolicyStream.spec(DEFAULT_AFTER_SALES_POLICY_ID), command, ctx, {
      request,
      toResult: (_state, events) => ({ changed: events.length > 0 }),
    });
  }
}
