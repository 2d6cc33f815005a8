import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CompleteCallbackRequest, ComplaintsTeamRpc, ListCallbacksQuery, RecordCallbackAttemptRequest, SamplingRunRequest } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { COMPLAINT_AGENT_ROLES, COMPLAINT_READ_ROLES } from '@cs/org';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Call-backs (回访, §1.7.2): work lists, attempts, results and the monthly sampling run. */
@ApiTags('callbacks')
@ApiBearerAuth()
@Controller('v1/callbacks')
export class CallbacksController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiList(ListCallbacksQuery)
  list(@Query() query: ListCallbacksQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.ListCallbacks, withDefaultLimit(query), caller);
  }

  @Post('sampling-runs')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(SamplingRunRequest, 200)
  sample(@Body() body: SamplingRunRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.RunCallbackSampling, body, cmd);
  }

  @Get(':id')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.GetCallback, { callbackId: id }, caller);
  }

  @Post(':id/attempts')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(RecordCallbackAttemptRequest, 200)
  attempt(@Param('id') id: string, @Body() body: RecordCallbackAttemptRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.RecordCallbackAttempt, { ...body, callbackId: id }, cmd);
  }

  @Post(':id/complete')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(CompleteCallbackRequest, 200)
  complete(@Param('id') id: string, @Body() body: CompleteCallbackRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.CompleteCallback, { ...body, callbackId: id }, cmd);
  }
}
