import { Injectable } from '@nestjs/common';
import { DefineSlaPolicyCommand, DefineWorkingCalendarRequest, GetSlaPolicyQuery, GetWorkingCalendarQuery, SlaPolicyHistoryQuery } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, runCommand, ServiceHost, toHistory, type CommandReply } from '@cs/nest-common';
import { SlaConfigService, type CalendarInForce, type PolicyInForce } from './sla-config.service.js';
import { slaPolicyStream, workingCalendarStream } from './sla-config.streams.js';
import type { DefineSlaPolicy } from './sla-policy/sla-policy.commands.js';
import { slaPolicyNotFound } from './sla-policy/sla-policy.errors.js';
import type { DefineWorkingCalendar } from './working-calendar/working-calendar.commands.js';
import { DEFAULT_CALENDAR_ID } from './working-calendar/working-calendar.values.js';

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
    return { items: toHistory((await slaPolicyStream.load(this.host, query.policyId)).events) };
  }

  async calendarHistory(_payload: unknown, _ctx: RpcContext) {
    return { items: toHistory((await workingCalendarStream.load(this.host, DEFAULT_CALENDAR_ID)).events) };
  }

  async definePolicy(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(DefineSlaPolicyCommand, payload);
    const { policyId, firstResponse, resolution, warningRatio, ...rest } = request;
    consumed(rest);
    const command: DefineSlaPolicy = {
      type: 'DefineSlaPolicy',
      policyId,
      firstResponse: { hours: firstResponse.hours },
      resolution: { hours: resolution.hours, workingDays: resolution.workingDays },
      warningRatio,
      now: this.host.clock.now().toISOString(),
      actor: requireActor(ctx),
    };
    return runCommand(this.host, policyId, slaPolicyStream.spec(policyId), command, ctx, { request, toResult: changed });
  }

  async getCalendar(payload: unknown, _ctx: RpcContext) {
    const query = await validatePayload(GetWorkingCalendarQuery, payload ?? {});
    return calendarView(await this.slaConfig.calendar(DEFAULT_CALENDAR_ID, query.asOf ? new Date(query.asOf) : undefined));
  }

  async defineCalendar(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(DefineWorkingCalendarRequest, payload);
    const { timezone, weekendDays, holidays, makeUpWorkingDays, ...rest } = request;
    consumed(rest);
    const command: DefineWorkingCalendar = {
      type: 'DefineWorkingCalendar',
      timezone,
      weekendDays,
      holidays,
      makeUpWorkingDays,
      now: this.host.clock.now().toISOString(),
      actor: requireActor(ctx),
    };
    return runCommand(this.host, DEFAULT_CALENDAR_ID, workingCalendarStream.spec(DEFAULT_CALENDAR_ID), command, ctx, { request, toResult: changed });
  }
}
