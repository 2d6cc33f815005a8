import { Body, Controller, Get, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AcceptRepairQuoteRequest,
  AfterSalesRpc,
  ApproveAfterSalesRequest,
  CancelAfterSalesRequest,
  CloseAfterSalesRequest,
  CompleteAfterSalesRequest,
  DeclineRepairQuoteRequest,
  DiagnoseRepairRequest,
  EscalateRepairRequest,
  FileAfterSalesRequest,
  InspectAfterSalesGoodsRequest,
  IssueAfterSalesRefundRequest,
  ListAfterSalesQuery,
  MarkRepairReadyRequest,
  QuoteRepairRequest,
  ReceiveAfterSalesGoodsRequest,
  RecordRepairQcRequest,
  RejectAfterSalesRequest,
  ReturnRegisterQuery,
  ShipReplacementRequest,
  StartRepairRequest,
} from '@cs/contracts';
import {
  AFTER_SALES_CANCEL_ROLES,
  AFTER_SALES_ELIGIBILITY_ROLES,
  AFTER_SALES_FILE_ROLES,
  AFTER_SALES_GOODS_ROLES,
  AFTER_SALES_HANDLER_ROLES,
  AFTER_SALES_READ_ROLES,
  AFTER_SALES_REFUND_ROLES,
  AFTER_SALES_SHIPPING_ROLES,
  QUOTE_ANSWER_ROLES,
  REPAIR_ROLES,
  RETURN_REGISTER_ROLES,
} from '@cs/org';
import { Roles } from '../auth/auth.decorators.js';
import { CustomerSelfMemberInterceptor } from '../complaints/customer-self.interceptor.js';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Returns, exchanges and repairs [1.4]: one resource, two state machines behind it. */
@ApiTags('after-sales')
@ApiBearerAuth()
@Controller('v1/after-sales')
export class AfterSalesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  private act(subject: string, id: string, body: object, cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(subject, { ...body, requestId: id }, cmd);
  }

  /** A return or exchange past its window is refused with 422 naming `windowEndsAt`. */
  @Post()
  @Roles(...AFTER_SALES_FILE_ROLES)
  @UseInterceptors(CustomerSelfMemberInterceptor)
  @CreatedAt('/v1/after-sales')
  @ApiCommand(FileAfterSalesRequest, 201)
  file(@Body() body: FileAfterSalesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(AfterSalesRpc.FileRequest, body, cmd);
  }

  @Get()
  @Roles(...AFTER_SALES_READ_ROLES)
  @ApiList(ListAfterSalesQuery)
  list(@Query() query: ListAfterSalesQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(AfterSalesRpc.ListRequests, withDefaultLimit(query), caller);
  }

  /** The return register (退换货登记表): one line per returned item line. */
  @Get('return-register')
  @Roles(...RETURN_REGISTER_ROLES)
  @ApiList(ReturnRegisterQuery)
  returnRegister(@Query() query: ReturnRegisterQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(AfterSalesRpc.ReturnRegister, withDefaultLimit(query), caller);
  }

  @Get(':id')
  @Roles(...AFTER_SALES_READ_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(AfterSalesRpc.GetRequest, at ? { requestId: id, asOf: at } : { requestId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...AFTER_SALES_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(AfterSalesRpc.RequestHistory, { requestId: id }, caller);
  }

  @Post(':id/approve')
  @Roles(...AFTER_SALES_ELIGIBILITY_ROLES)
  @Action()
  @ApiCommand(ApproveAfterSalesRequest, 200)
  approve(@Param('id') id: string, @Body() body: ApproveAfterSalesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.ApproveRequest, id, body, cmd);
  }

  @Post(':id/reject')
  @Roles(...AFTER_SALES_ELIGIBILITY_ROLES)
  @Action()
  @ApiCommand(RejectAfterSalesRequest, 200)
  reject(@Param('id') id: string, @Body() body: RejectAfterSalesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.RejectRequest, id, body, cmd);
  }

  /** Goods or repair item in; a workshop repair's turnaround clock starts here. */
  @Post(':id/receive')
  @Roles(...AFTER_SALES_GOODS_ROLES)
  @Action()
  @ApiCommand(ReceiveAfterSalesGoodsRequest, 200)
  receive(@Param('id') id: string, @Body() body: ReceiveAfterSalesGoodsRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.ReceiveGoods, id, body, cmd);
  }

  @Post(':id/inspect')
  @Roles(...AFTER_SALES_GOODS_ROLES)
  @Action()
  @ApiCommand(InspectAfterSalesGoodsRequest, 200)
  inspect(@Param('id') id: string, @Body() body: InspectAfterSalesGoodsRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.InspectGoods, id, body, cmd);
  }

  /** Never more than what was paid for the returned lines, across partial refunds (422). */
  @Post(':id/refund')
  @Roles(...AFTER_SALES_REFUND_ROLES)
  @Action()
  @ApiCommand(IssueAfterSalesRefundRequest, 200)
  refund(@Param('id') id: string, @Body() body: IssueAfterSalesRefundRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.IssueRefund, id, body, cmd);
  }

  @Post(':id/ship-replacement')
  @Roles(...AFTER_SALES_SHIPPING_ROLES)
  @Action()
  @ApiCommand(ShipReplacementRequest, 200)
  shipReplacement(@Param('id') id: string, @Body() body: ShipReplacementRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.ShipReplacement, id, body, cmd);
  }

  @Post(':id/diagnose')
  @Roles(...REPAIR_ROLES)
  @Action()
  @ApiCommand(DiagnoseRepairRequest, 200)
  diagnose(@Param('id') id: string, @Body() body: DiagnoseRepairRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.DiagnoseRepair, id, body, cmd);
  }

  @Post(':id/quote')
  @Roles(...REPAIR_ROLES)
  @Action()
  @ApiCommand(QuoteRepairRequest, 200)
  quote(@Param('id') id: string, @Body() body: QuoteRepairRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.QuoteRepair, id, body, cmd);
  }

  @Post(':id/quote/accept')
  @Roles(...QUOTE_ANSWER_ROLES)
  @Action()
  @ApiCommand(AcceptRepairQuoteRequest, 200)
  acceptQuote(@Param('id') id: string, @Body() body: AcceptRepairQuoteRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.AcceptQuote, id, body, cmd);
  }

  @Post(':id/quote/decline')
  @Roles(...QUOTE_ANSWER_ROLES)
  @Action()
  @ApiCommand(DeclineRepairQuoteRequest, 200)
  declineQuote(@Param('id') id: string, @Body() body: DeclineRepairQuoteRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.DeclineQuote, id, body, cmd);
  }

  @Post(':id/start-repair')
  @Roles(...REPAIR_ROLES)
  @Action()
  @ApiCommand(StartRepairRequest, 200)
  startRepair(@Param('id') id: string, @Body() body: StartRepairRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.StartRepair, id, body, cmd);
  }

  @Post(':id/qc')
  @Roles(...REPAIR_ROLES)
  @Action()
  @ApiCommand(RecordRepairQcRequest, 200)
  qc(@Param('id') id: string, @Body() body: RecordRepairQcRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.RecordQc, id, body, cmd);
  }

  @Post(':id/ready')
  @Roles(...REPAIR_ROLES)
  @Action()
  @ApiCommand(MarkRepairReadyRequest, 200)
  ready(@Param('id') id: string, @Body() body: MarkRepairReadyRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.MarkReady, id, body, cmd);
  }

  @Post(':id/escalate')
  @Roles(...REPAIR_ROLES)
  @Action()
  @ApiCommand(EscalateRepairRequest, 200)
  escalate(@Param('id') id: string, @Body() body: EscalateRepairRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.EscalateRepair, id, body, cmd);
  }

  /** Schedules the after-sales call-back. */
  @Post(':id/complete')
  @Roles(...AFTER_SALES_HANDLER_ROLES)
  @Action()
  @ApiCommand(CompleteAfterSalesRequest, 200)
  complete(@Param('id') id: string, @Body() body: CompleteAfterSalesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.CompleteRequest, id, body, cmd);
  }

  @Post(':id/cancel')
  @Roles(...AFTER_SALES_CANCEL_ROLES)
  @Action()
  @ApiCommand(CancelAfterSalesRequest, 200)
  cancel(@Param('id') id: string, @Body() body: CancelAfterSalesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.CancelRequest, id, body, cmd);
  }

  /** After the call-back: closes the completed request. */
  @Post(':id/close')
  @Roles(...AFTER_SALES_HANDLER_ROLES)
  @Action()
  @ApiCommand(CloseAfterSalesRequest, 200)
  close(@Param('id') id: string, @Body() body: CloseAfterSalesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(AfterSalesRpc.CloseRequest, id, body, cmd);
  }
}
