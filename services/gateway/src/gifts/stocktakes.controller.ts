import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ApproveStocktakeRequest,
  GiftsRpc,
  ListStocktakesQuery,
  OrderRecountRequest,
  RecordStocktakeCountsRequest,
  StartStocktakeRequest,
  StocktakeSummaryQuery,
  StocktakeWatchListQuery,
  SubmitStocktakeRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList, ApiQueryFromDto } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';
import {
  STOCKTAKE_APPROVE_ROLES,
  STOCKTAKE_COUNT_ROLES,
  STOCKTAKE_READ_ROLES,
  STOCKTAKE_RECOUNT_ROLES,
  STOCKTAKE_SUMMARY_ROLES,
} from '@cs/org';

/** 盘点表 and 盘点汇总表: the book is pinned when counting starts; variances are approved into adjustments. */
@ApiTags('gifts')
@ApiBearerAuth()
@Controller('v1/stocktakes')
export class StocktakesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  private act(subject: string, id: string, body: object, cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(subject, { ...body, stocktakeId: id }, cmd);
  }

  @Post()
  @Roles(...STOCKTAKE_COUNT_ROLES)
  @CreatedAt('/v1/stocktakes')
  @ApiCommand(StartStocktakeRequest, 201)
  start(@Body() body: StartStocktakeRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.StartStocktake, body, cmd);
  }

  @Get()
  @Roles(...STOCKTAKE_READ_ROLES)
  @ApiList(ListStocktakesQuery)
  list(@Query() query: ListStocktakesQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.ListStocktakes, withDefaultLimit(query), caller);
  }

  @Get('summary')
  @Roles(...STOCKTAKE_SUMMARY_ROLES)
  @ApiQueryFromDto(StocktakeSummaryQuery)
  summary(@Query() query: StocktakeSummaryQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.StocktakeSummary, query, caller);
  }

  @Get('watch-list')
  @Roles(...STOCKTAKE_SUMMARY_ROLES)
  @ApiQueryFromDto(StocktakeWatchListQuery)
  watchList(@Query() query: StocktakeWatchListQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.StocktakeWatchList, query, caller);
  }

  @Get(':id')
  @Roles(...STOCKTAKE_READ_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(GiftsRpc.GetStocktake, at ? { stocktakeId: id, asOf: at } : { stocktakeId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...STOCKTAKE_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(GiftsRpc.StocktakeHistory, { stocktakeId: id }, caller);
  }

  @Post(':id/counts')
  @Roles(...STOCKTAKE_COUNT_ROLES)
  @Action()
  @ApiCommand(RecordStocktakeCountsRequest, 200)
  counts(@Param('id') id: string, @Body() body: RecordStocktakeCountsRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.RecordStocktakeCounts, id, body, cmd);
  }

  @Post(':id/submit')
  @Roles(...STOCKTAKE_COUNT_ROLES)
  @Action()
  @ApiCommand(SubmitStocktakeRequest, 200)
  submit(@Param('id') id: string, @Body() body: SubmitStocktakeRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.SubmitStocktake, id, body, cmd);
  }

  @Post(':id/approve')
  @Roles(...STOCKTAKE_APPROVE_ROLES)
  @Action()
  @ApiCommand(ApproveStocktakeRequest, 200)
  approve(@Param('id') id: string, @Body() body: ApproveStocktakeRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.ApproveStocktake, id, body, cmd);
  }

  @Post(':id/recount')
  @Roles(...STOCKTAKE_RECOUNT_ROLES)
  @Action()
  @ApiCommand(OrderRecountRequest, 200)
  recount(@Param('id') id: string, @Body() body: OrderRecountRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(GiftsRpc.OrderRecount, id, body, cmd);
  }
}
