import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ApproveProcurementPlanRequest,
  CreateProcurementPlanRequest,
  GiftsRpc,
  ListProcurementPlansQuery,
  OrderProcurementPlanRequest,
  ReceiveProcurementPlanRequest,
  RejectProcurementPlanRequest,
  ReviseProcurementPlanRequest,
  SubmitProcurementPlanRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';
import { PLAN_APPROVE_ROLES, PLAN_DRAFT_ROLES, PLAN_ORDER_ROLES, PLAN_READ_ROLES, PLAN_RECEIVE_ROLES } from '@cs/org';

/** 礼品采购需求计划: drafted by HQ customer service, approved by the general manager (R107). */
@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/procurement-plans')
export class ProcurementPlansController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  private act(subject: string, id: string, body: object, cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(subject, { ...body, planId: id }, cmd);
  }

  @Post()
  @Roles(...PLAN_DRAFT_ROLES)
  @CreatedAt('/v1/procurement-plans')
  @ApiCommand(CreateProcurementPlanRequest, 201)
  create(@Body() body: CreateProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.CreateProcurementPlan, body, cmd);
  }

  @Get()
  @Roles(...PLAN_READ_ROLES)
  @ApiList(ListProcurementPlansQuery)
  list(@Query() query: ListProcurementPlansQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListProcurementPlans, withDefaultLimit(query), caller);
  }

  @Get(':id')
  @Roles(...PLAN_READ_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(GiftsRpc.GetProcurementPlan, at ? { planId: id, asOf: at } : { planId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...PLAN_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ProcurementPlanHistory, { planId: id }, caller);
  }

  @Post(':id/revise')
  @Roles(...PLAN_DRAFT_ROLES)
  @Action()
  @ApiCommand(ReviseProcurementPlanRequest, 200)
  revise(@Param('id') id: string, @Body() body: ReviseProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ReviseProcurementPlan, id, body, cmd);
  }

  @Post(':id/submit')
  @Roles(...PLAN_DRAFT_ROLES)
  @Action()
  @ApiCommand(SubmitProcurementPlanRequest, 200)
  submit(@Param('id') id: string, @Body() body: SubmitProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.SubmitProcurementPlan, id, body, cmd);
  }

  @Post(':id/approve')
  @Roles(...PLAN_APPROVE_ROLES)
  @Action()
  @ApiCommand(ApproveProcurementPlanRequest, 200)
  approve(@Param('id') id: string, @Body() body: ApproveProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ApproveProcurementPlan, id, body, cmd);
  }

  @Post(':id/reject')
  @Roles(...PLAN_APPROVE_ROLES)
  @Action()
  @ApiCommand(RejectProcurementPlanRequest, 200)
  reject(@Param('id') id: string, @Body() body: RejectProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.RejectProcurementPlan, id, body, cmd);
  }

  @Post(':id/order')
  @Roles(...PLAN_ORDER_ROLES)
  @Action()
  @ApiCommand(OrderProcurementPlanRequest, 200)
  order(@Param('id') id: string, @Body() body: OrderProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.OrderProcurementPlan, id, body, cmd);
  }

  @Post(':id/receive')
  @Roles(...PLAN_RECEIVE_ROLES)
  @Action()
  @ApiCommand(ReceiveProcurementPlanRequest, 200)
  receive(@Param('id') id: string, @Body() body: ReceiveProcurementPlanRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ReceiveProcurementPlan, id, body, cmd);
  }
}
