import { applyDecorators, Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ComplaintsRpc, DefineSlaPolicyRequest, DefineWorkingCalendarRequest } from '@cs/contracts';
import { OrgDirectory, SLA_CONFIG_ROLES, STAFF_ROLES } from '@cs/org';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiHistory } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

const duration = { type: 'object', properties: { hours: { type: 'number' }, workingDays: { type: 'integer' } } };
const definedBy = { definedAt: { type: 'string', format: 'date-time' }, definedBy: { type: 'string' } };
const policySchema = {
  type: 'object',
  required: ['id', 'version', 'firstResponse', 'resolution', 'warningRatio'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer', description: '0: the configured default; n: the n-th definition' },
    firstResponse: { type: 'object', properties: { hours: { type: 'number' } } },
    resolution: duration,
    warningRatio: { type: 'number' },
    ...definedBy,
  },
};
const calendarSchema = {
  type: 'object',
  required: ['id', 'version', 'timezone', 'weekendDays', 'holidays', 'makeUpWorkingDays'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    timezone: { type: 'string' },
    weekendDays: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 } },
    holidays: { type: 'array', items: { type: 'string', format: 'date' } },
    makeUpWorkingDays: { type: 'array', items: { type: 'string', format: 'date' } },
    ...definedBy,
  },
};
const storeSchema = {
  type: 'object',
  properties: {
    storeId: { type: 'string' },
    name: { type: 'string' },
    regionId: { type: 'string' },
    type: { type: 'string', enum: ['physical', 'online'] },
    timezone: { type: 'string' },
  },
};

/** A read of configuration: 200 with `schema`, problems as elsewhere. */
const ApiRead = (description: string, schema: object, problems = [401, 403, 503, 504]) =>
  applyDecorators(
    ApiResponse({ status: 200, description, schema: schema as never }),
    ...problems.map((status) => ApiResponse({ status, description: 'application/problem+json' })),
  );

const ApiPolicyId = () => ApiParam({ name: 'id', description: 'Policy id', schema: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,31}$' } });
const ApiAsOf = () =>
  ApiQuery({ name: 'asOf', required: false, description: 'As it was at this instant', schema: { type: 'string', format: 'date-time' } });

/** `?asOf=` (400 when not an ISO instant) into the RPC payload. */
const withAsOf = <T extends object>(payload: T, asOf: unknown): T & { asOf?: string } => {
  const at = parseAsOf(asOf);
  return at ? { ...payload, asOf: at } : payload;
};

/**
 * Runtime configuration (the shared API outline, "Configuration"). SLA policies and the calendar are events in
 * the complaints service, so complaints keep the policy they were filed under; stores come from
 * the org directory the services share (STORES_JSON).
 */
@ApiTags('config')
@ApiBearerAuth()
@Controller('v1/config')
export class ConfigController {
  constructor(
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(OrgDirectory) private readonly org: OrgDirectory,
  ) {}

  /** A list like the others (`{ items, nextCursor }`); every policy fits on one page. */
  @Get('sla-policies')
  @Roles(...STAFF_ROLES)
  @ApiRead('Every configured or defined policy as in force now', {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: policySchema }, nextCursor: { type: 'string', nullable: true } },
  })
  async listSlaPolicies(@Caller() caller: CallContext): Promise<{ items: unknown[]; nextCursor: string | null }> {
    const reply = (await this.rpc.call(ComplaintsRpc.ListSlaPolicies, {}, caller)) as { items?: unknown[]; nextCursor?: string | null } | null;
    return { items: reply?.items ?? [], nextCursor: reply?.nextCursor ?? null };
  }

  /** One policy, as in force now or at `asOf`; ETag from its version. */
  @Get('sla-policies/:id')
  @ApiPolicyId()
  @ApiAsOf()
  @Roles(...STAFF_ROLES)
  @ApiRead('The policy; ETag header set', policySchema, [400, 401, 403, 404, 503, 504])
  getSlaPolicy(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.GetSlaPolicy, withAsOf({ policyId: id }, asOf), caller);
  }

  @Get('sla-policies/:id/history')
  @ApiPolicyId()
  @Roles(...STAFF_ROLES)
  @ApiHistory()
  slaPolicyHistory(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.SlaPolicyHistory, { policyId: id }, caller);
  }

  /** Defines or redefines a policy (200 like an action: the policy exists as a default). */
  @Post('sla-policies/:id')
  @ApiParam({ name: 'id', description: 'Policy id', schema: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,31}$' } })
  @Roles(...SLA_CONFIG_ROLES)
  @Action()
  @ApiCommand(DefineSlaPolicyRequest, 200)
  defineSlaPolicy(@Param('id') id: string, @Body() body: DefineSlaPolicyRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.DefineSlaPolicy, { ...body, policyId: id }, cmd);
  }

  @Get('calendars')
  @ApiAsOf()
  @Roles(...STAFF_ROLES)
  @ApiRead('The working calendar in force now or at asOf; ETag header set', calendarSchema, [400, 401, 403, 503, 504])
  getCalendar(@Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.GetWorkingCalendar, withAsOf({}, asOf), caller);
  }

  @Get('calendars/history')
  @Roles(...STAFF_ROLES)
  @ApiHistory()
  calendarHistory(@Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.WorkingCalendarHistory, {}, caller);
  }

  /** Replaces the working calendar (timezone, weekend days, holidays, make-up working days). */
  @Post('calendars')
  @Roles(...SLA_CONFIG_ROLES)
  @Action()
  @ApiCommand(DefineWorkingCalendarRequest, 200)
  defineCalendar(@Body() body: DefineWorkingCalendarRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.DefineWorkingCalendar, body, cmd);
  }

  @Get('stores')
  @Roles(...STAFF_ROLES)
  @ApiRead('Stores and regions', {
    type: 'object',
    properties: {
      items: { type: 'array', items: storeSchema },
      regions: { type: 'array', items: { type: 'object', properties: { regionId: { type: 'string' }, storeIds: { type: 'array', items: { type: 'string' } } } } },
    },
  })
  listStores(): { items: ReturnType<OrgDirectory['listStores']>; regions: Array<{ regionId: string; storeIds: string[] }> } {
    const items = this.org.listStores();
    const regions = new Map<string, string[]>();
    for (const s of items) regions.set(s.regionId, [...(regions.get(s.regionId) ?? []), s.storeId]);
    return { items, regions: [...regions].map(([regionId, storeIds]) => ({ regionId, storeIds })) };
  }
}
