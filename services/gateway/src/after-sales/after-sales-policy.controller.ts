import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AfterSalesRpc, DefineAfterSalesPolicyRequest } from '@cs/contracts';
import { AFTER_SALES_POLICY_ROLES, STAFF_ROLES } from '@cs/org';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiHistory } from '../openapi/api-docs.js';
import { schemaFromDto } from '../openapi/schema-from-dto.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

const policySchema = {
  ...schemaFromDto(DefineAfterSalesPolicyRequest),
  description: 'The after-sales terms in force; version 0 is the configured default, n the n-th definition',
};

/**
 * The after-sales terms (window, reasons, on-site hours, turnaround blocks, call-back days,
 * non-returnable categories and inspection conditions, the working calendar) as events: a request
 * keeps the version it was filed under.
 */
@ApiTags('config')
@ApiBearerAuth()
@Controller('v1/config/after-sales-policy')
export class AfterSalesPolicyController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiQuery({ name: 'asOf', required: false, description: 'As it was at this instant', schema: { type: 'string', format: 'date-time' } })
  @ApiResponse({ status: 200, description: 'The terms with their version; ETag header set', schema: policySchema as never })
  get(@Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(AfterSalesRpc.GetPolicy, at ? { asOf: at } : {}, caller);
  }

  @Get('history')
  @Roles(...STAFF_ROLES)
  @ApiHistory()
  history(@Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(AfterSalesRpc.PolicyHistory, {}, caller);
  }

  /** A full (re)definition; requests already filed keep their window and clocks. */
  @Post()
  @Roles(...AFTER_SALES_POLICY_ROLES)
  @Action()
  @ApiCommand(DefineAfterSalesPolicyRequest, 200)
  define(@Body() body: DefineAfterSalesPolicyRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(AfterSalesRpc.DefinePolicy, body, cmd);
  }
}
