import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ComplaintsTeamRpc, DraftCaseRequest, PublishCaseRequest, SearchCasesQuery } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { COMPLAINT_AGENT_ROLES } from '@cs/org';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** The case library (§1.7.4). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post()
  @Roles(...COMPLAINT_AGENT_ROLES)
  @CreatedAt('/v1/cases')
  @ApiCommand(DraftCaseRequest, 201)
  draft(@Body() body: DraftCaseRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.DraftCase, body, cmd);
  }

  @Post(':id/publish')
  @Roles('hq_cs_manager', 'admin')
  @Action()
  @ApiCommand(PublishCaseRequest, 200)
  publish(@Param('id') id: string, @Body() body: PublishCaseRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.PublishCase, { ...body, caseId: id }, cmd);
  }

  @Get()
  @Roles(...COMPLAINT_AGENT_ROLES)
  @ApiList(SearchCasesQuery)
  search(@Query() query: SearchCasesQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.SearchCases, withDefaultLimit(query), caller);
  }
}
