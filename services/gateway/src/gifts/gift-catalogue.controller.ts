import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DefineGiftRequest, GiftsRpc, ListGiftsQuery, ListGiftStockQuery, UpdateGiftRequest, WriteOffStockRequest } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';
import { GIFT_CATALOGUE_WRITE_ROLES, GIFT_READ_ROLES, GIFT_WRITE_OFF_ROLES } from '@cs/org';

@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/gifts')
export class GiftCatalogueController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post()
  @Roles(...GIFT_CATALOGUE_WRITE_ROLES)
  @CreatedAt('/v1/gifts')
  @ApiCommand(DefineGiftRequest, 201)
  define(@Body() body: DefineGiftRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.DefineGift, body, cmd);
  }

  @Get()
  @Roles(...GIFT_READ_ROLES)
  @ApiList(ListGiftsQuery)
  list(@Query() query: ListGiftsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListGifts, withDefaultLimit(query), caller);
  }

  @Get(':sku')
  @Roles(...GIFT_READ_ROLES)
  @ApiGetOne()
  get(@Param('sku') sku: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(GiftsRpc.GetGift, at ? { giftSku: sku, asOf: at } : { giftSku: sku }, caller);
  }

  @Get(':sku/history')
  @Roles(...GIFT_READ_ROLES)
  @ApiHistory()
  history(@Param('sku') sku: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.GiftHistory, { giftSku: sku }, caller);
  }

  @Patch(':sku')
  @Roles(...GIFT_CATALOGUE_WRITE_ROLES)
  @Action()
  @ApiCommand(UpdateGiftRequest, 200)
  update(@Param('sku') sku: string, @Body() body: UpdateGiftRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.UpdateGift, { ...body, giftSku: sku }, cmd);
  }
}

/** Stock per location and SKU (HQ is the warehouse); the service limits each caller to its locations. */
@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/gift-stock')
export class GiftStockController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @Roles(...GIFT_READ_ROLES)
  @ApiList(ListGiftStockQuery)
  list(@Query() query: ListGiftStockQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListGiftStock, withDefaultLimit(query), caller);
  }

  @Get(':locationId/:sku/history')
  @Roles(...GIFT_READ_ROLES)
  @ApiHistory()
  history(@Param('locationId') locationId: string, @Param('sku') sku: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.StockHistory, { locationId, sku }, caller);
  }

  @Post('write-offs')
  @Roles(...GIFT_WRITE_OFF_ROLES)
  @Action()
  @ApiCommand(WriteOffStockRequest, 200)
  writeOff(@Body() body: WriteOffStockRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.WriteOffStock, body, cmd);
  }
}
