import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ApproveGiftRequestRequest,
  CreateGiftRequestRequest,
  DispatchGiftRequestRequest,
  DispatchNewStoreKitRequest,
  GiftsRpc,
  ListGiftRequestsQuery,
  ReceiveGiftRequestRequest,
  RejectGiftRequestRequest,
  ResolveGiftDiscrepancyRequest,
  SubmitGiftRequestRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';
import {
  DISCREPANCY_ROLES,
  GIFT_READ_ROLES,
  KIT_DISPATCH_ROLES,
  REQUEST_APPROVE_ROLES,
  REQUEST_DISPATCH_ROLES,
  REQUEST_STORE_ROLES,
} from '@cs/org';

/** 礼品申请单: a store asks, the CS manager approves (R109), the warehouse ships (R111), the store receives. */
@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/gift-requests')
export class GiftRequestsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  private act(subject: string, id: string, body: object, cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(subject, { ...body, requestId: id }, cmd);
  }

  @Post()
  @Roles(...REQUEST_STORE_ROLES)
  @CreatedAt('/v1/gift-requests')
  @ApiCommand(CreateGiftRequestRequest, 201)
  create(@Body() body: CreateGiftRequestRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.CreateGiftRequest, body, cmd);
  }

  /** An opening kit for a new store: a dispatch without a request (R113). */
  @Post('new-store-kits')
  @Roles(...KIT_DISPATCH_ROLES)
  @CreatedAt('/v1/gift-requests')
  @ApiCommand(DispatchNewStoreKitRequest, 201)
  dispatchKit(@Body() body: DispatchNewStoreKitRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.DispatchNewStoreKit, body, cmd);
  }

  @Get()
  @Roles(...GIFT_READ_ROLES)
  @ApiList(ListGiftRequestsQuery)
  list(@Query() query: ListGiftRequestsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListGiftRequests, withDefaultLimit(query), caller);
  }

  @Get(':id')
  @Roles(...GIFT_READ_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(GiftsRpc.GetGiftRequest, at ? { requestId: id, asOf: at } : { requestId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...GIFT_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.GiftRequestHistory, { requestId: id }, caller);
  }

  @Post(':id/submit')
  @Roles(...REQUEST_STORE_ROLES)
  @Action()
  @ApiCommand(SubmitGiftRequestRequest, 200)
  submit(@Param('id') id: string, @Body() body: SubmitGiftRequestRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.SubmitGiftRequest, id, body, cmd);
  }

  @Post(':id/approve')
  @Roles(...REQUEST_APPROVE_ROLES)
  @Action()
  @ApiCommand(ApproveGiftRequestRequest, 200)
  approve(@Param('id') id: string, @Body() body: ApproveGiftRequestRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ApproveGiftRequest, id, body, cmd);
  }

  @Post(':id/reject')
  @Roles(...REQUEST_APPROVE_ROLES)
  @Action()
  @ApiCommand(RejectGiftRequestRequest, 200)
  reject(@Param('id') id: string, @Body() body: RejectGiftRequestRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.RejectGiftRequest, id, body, cmd);
  }

  @Post(':id/dispatch')
  @Roles(...REQUEST_DISPATCH_ROLES)
  @Action()
  @ApiCommand(DispatchGiftRequestRequest, 200)
  dispatch(@Param('id') id: string, @Body() body: DispatchGiftRequestRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.DispatchGiftRequest, id, body, cmd);
  }

  @Post(':id/receive')
  @Roles(...REQUEST_STORE_ROLES)
  @Action()
  @ApiCommand(ReceiveGiftRequestRequest, 200)
  receive(@Param('id') id: string, @Body() body: ReceiveGiftRequestRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ReceiveGiftRequest, id, body, cmd);
  }

  @Post(':id/resolve-discrepancy')
  @Roles(...DISCREPANCY_ROLES)
  @Action()
  @ApiCommand(ResolveGiftDiscrepancyRequest, 200)
  resolveDiscrepancy(@Param('id') id: string, @Body() body: ResolveGiftDiscrepancyRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ResolveGiftDiscrepancy, id, body, cmd);
  }
}
