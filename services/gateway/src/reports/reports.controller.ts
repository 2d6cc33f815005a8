import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ComplaintReportQuery, ComplaintsTeamRpc } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { Caller, type CallContext } from '../http/request-context.js';
import { ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Complaint statistics (§1.7.5) per day, week (to Friday) and month. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('complaints')
  @Roles('store_manager', 'hq_cs_agent', 'hq_cs_manager', 'hq_qa', 'general_manager', 'analyst', 'admin')
  @ApiList(ComplaintReportQuery)
  complaints(@Query() query: ComplaintReportQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.ComplaintReport, query, caller);
  }
}
