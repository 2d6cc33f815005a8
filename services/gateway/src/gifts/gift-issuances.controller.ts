import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GiftsRpc, IssueEntitlementRequest, IssueGiftRequest, ListEntitlementsQuery, ListIssuancesQuery, ReverseIssuanceRequest, VoidEntitlementRequest } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';
import { ENTITLEMENT_ISSUE_ROLES, ENTITLEMENT_VOID_ROLES, GIFT_READ_ROLES, ISSUANCE_ROLES } from '@cs/org';

/** 赠品发放登记表: every gift handed to a customer; stock never goes negative (422). */
@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/gift-issuances')
export class GiftIssuancesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post()
  @Roles(...ISSUANCE_ROLES)
  @CreatedAt('/v1/gift-issuances')
  @ApiCommand(IssueGiftRequest, 201)
  issue(@Body() body: IssueGiftRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.IssueGift, body, cmd);
  }

  @Get()
  @Roles(...ISSUANCE_ROLES)
  @ApiList(ListIssuancesQuery)
  list(@Query() query: ListIssuancesQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListIssuances, withDefaultLimit(query), caller);
  }

  @Get(':id')
  @Roles(...ISSUANCE_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(GiftsRpc.GetIssuance, at ? { issuanceId: id, asOf: at } : { issuanceId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...ISSUANCE_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.IssuanceHistory, { issuanceId: id }, caller);
  }

  @Post(':id/reverse')
  @Roles(...ISSUANCE_ROLES)
  @Action()
  @ApiCommand(ReverseIssuanceRequest, 200)
  reverse(@Param('id') id: string, @Body() body: ReverseIssuanceRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ReverseIssuance, { ...body, issuanceId: id }, cmd);
  }
}

/** Gift cards, birthday gift cards and vouchers: a code redeemable once at a store within its validity. */
@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/gift-entitlements')
export class GiftEntitlementsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post()
  @Roles(...ENTITLEMENT_ISSUE_ROLES)
  @CreatedAt('/v1/gift-entitlements')
  @ApiCommand(IssueEntitlementRequest, 201)
  issue(@Body() body: IssueEntitlementRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.IssueEntitlement, body, cmd);
  }

  @Get()
  @Roles(...GIFT_READ_ROLES)
  @ApiList(ListEntitlementsQuery)
  list(@Query() query: ListEntitlementsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListEntitlements, withDefaultLimit(query), caller);
  }

  @Get(':code')
  @Roles(...GIFT_READ_ROLES)
  @ApiGetOne()
  get(@Param('code') code: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(GiftsRpc.GetEntitlement, at ? { entitlementId: code, asOf: at } : { entitlementId: code }, caller);
  }

  @Get(':code/history')
  @Roles(...GIFT_READ_ROLES)
  @ApiHistory()
  history(@Param('code') code: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.EntitlementHistory, { entitlementId: code }, caller);
  }

  @Post(':code/void')
  @Roles(...ENTITLEMENT_VOID_ROLES)
  @Action()
  @ApiCommand(VoidEntitlementRequest, 200)
  void(@Param('code') code: string, @Body() body: VoidEntitlementRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.VoidEntitlement, { ...body, entitlementId: code }, cmd);
  }
}
