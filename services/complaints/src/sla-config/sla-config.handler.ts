import { Injectable } from '@nestjs/common';
import { DefineSlaPolicyCommand, DefineWorkingCalendarRequest, GetSlaPolicyQuery, GetWorkingCalendarQuery, SlaPolicyHistoryQuery } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, toHistory, type CommandReply } from '@cs/nest-common';
import { SlaConfigService, type CalendarInForce, type PolicyInForce } from './sla-config.service.js';
import type { DefineSlaPolicy } from './sla-policy/sla-policy.commands.js';
import { SLA_POLICY_STREAM_TYPE, slaPolicyDecider, slaPolicyStreamId } from './sla-policy/sla-policy.decider.js';
import { slaPolicyNotFound } from './sla-policy/sla-policy.errors.js';
import type { DefineWorkingCalendar } from './working-calendar/working-calendar.commands.js';
import { WORKING_CALENDAR_STREAM_TYPE, workingCalendarDecider, workingCalendarStreamId } from './working-calendar/working-calendar.decider.js';
import { DEFAULT_CALENDAR_ID } from './working-calendar/working-calendar.values.js';

const slaPolicySpec = (policyId: string) => ({ streamId: slaPolicyStreamId(policyId), streamType: SLA_POLICY_STREAM_TYPE, decider: slaPolicyDecider });

const calendarSpec = (calendarId: string) => ({
  streamId: workingCalendarStreamId(calendarId),
  streamType: WORKING_CALENDAR_STREAM_TYPE,
  decider: workingCalendarDecider,
});

/** An identical definition appends nothing and keeps the version. */
const changed = (_state: unknown, events: readonly unknown[]) => ({ changed: events.length > 0 });

function policyView(p: PolicyInForce) {
  return {
    id: p.id,
    version: p.version,
    firstResponse: p.firstResponse,
    resolution: p.resolution,
    warningRatio: p.warningRatio,
    ...(p.definedAt ? { definedAt: p.definedAt, definedBy: p.definedBy } : {}),
  };
}

function calendarView(c: CalendarInForce) {
  return { id: c.id, version: c.version, ...c.calendar, ...(c.definedAt ? { definedAt: c.definedAt, definedBy: c.definedBy } : {}) };
}

/**
 * SLA policies and the working calendar as runtime configuration. Changes are events: a complaint
 * keeps the policy version and due instants it was filed under. Roles are checked by the gateway
 * and again by the deciders.
 */
@Injectable()
export class SlaConfigHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly slaConfig: SlaConfigService,
  ) {}

  async listPolicies(_payload: unknown, _ctx: RpcContext) {
    return { items: (await this.slaConfig.policies()).map(policyView), nextCursor: null };
  }

  /** One policy as in force now, or as it was at `asOf` (version 0: the configured default). */
  async getPolicy(payload: unknown, _ctx: RpcContext) {
    const query = await validatePayload(GetSlaPolicyQuery, payload);
    const policy = await this.slaConfig.policy(query.policyId, query.asOf ? new Date(query.asOf) : undefined);
    if (!policy) throw slaPolicyNotFound(query.policyId);
    return policyView(policy);
  }

  async policyHistory(payload: unknown, _ctx: RpcContext) {
    const query = await validatePayload(SlaPolicyHistoryQuery, payload);
    if (!(await this.slaConfig.policy(query.policyId))) throw slaPolicyNotFound(query.policyId);
    return { items: toHistory((await this.host.store.readStream(slaPolicyStreamId(query.policyId))).events) };
  }

  async calendarHistory(_payload: unknown, _ctx: RpcContext) {
    return { items: toHistory((await this.host.store.readStream(workingCalendarStreamId(DEFAULT_CALENDAR_ID))).events) };
  }

  async definePolicy(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(DefineSlaPolicyCommand, payload);
    const actor = requireActor(ctx);
    const command: DefineSlaPolicy = {
      type: 'DefineSlaPolicy',
      policyId: request.policyId,
      firstResponse: { hours: request.firstResponse.hours },
      resolution: { hours: request.resolution.hours, workingDays: request.resolution.workingDays },
      warningRatio: request.warningRatio,
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, request.policyId, slaPolicySpec(request.policyId), command, ctx, { request, toResult: changed });
  }

  async getCalendar(payload: unknown, _ctx: RpcContext) {
    const query = await validatePayload(GetWorkingCalendarQuery, payload ?? {});
    return calendarView(await this.slaConfig.calendar(DEFAULT_CALENDAR_ID, query.asOf ? new Date(query.asOf) : undefined));
  }

  async defineCalendar(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(DefineWorkingCalendarRequest, payload);
    const actor = requireActor(ctx);
    const command: DefineWorkingCalendar = {
      type: 'DefineWorkingCalendar',
      timezone: request.timezone,
      weekendDays: request.weekendDays,
      holidays: request.holidays,
      makeUpWorkingDays: request.makeUpWorkingDays,
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, DEFAULT_CALENDAR_ID, calendarSpec(DEFAULT_CALENDAR_ID), command, ctx, { request, toResult: changed });
  }
}
