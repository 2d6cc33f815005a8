import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ComplaintsTeamRpc, CreateSurveyRequest, SurveyResponseRequest } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { COMPLAINT_AGENT_ROLES, COMPLAINT_READ_ROLES } from '@cs/org';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Satisfaction surveys (§1.7.3). */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('v1/surveys')
export class SurveysController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post()
  @Roles('hq_cs_manager', 'store_manager', 'admin')
  @CreatedAt('/v1/surveys')
  @ApiCommand(CreateSurveyRequest, 201)
  create(@Body() body: CreateSurveyRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.CreateSurvey, body, cmd);
  }

  @Post(':id/responses')
  @Roles(...COMPLAINT_AGENT_ROLES, 'customer')
  @CreatedAt('/v1/surveys/responses')
  @ApiCommand(SurveyResponseRequest, 201)
  respond(@Param('id') id: string, @Body() body: SurveyResponseRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.RecordSurveyResponse, { ...body, surveyId: id }, cmd);
  }

  @Get(':id/results')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiGetOne()
  results(@Param('id') id: string, @Query('storeId') storeId: string | undefined, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.SurveyResults, storeId ? { surveyId: id, storeId } : { surveyId: id }, caller);
  }
}
