import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MEMBER_ANALYSES, MemberAnalysisRequest, MembersLoyaltyRpc } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { Role } from '@cs/org';
import { ProblemException } from '../http/problem.js';
import { Caller, type CallContext } from '../http/request-context.js';
import { ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Analysts and managers read member analytics (aggregates only); a store manager for its store. */
const ANALYTICS_ROLES: readonly Role[] = ['analyst', 'hq_cs_manager', 'general_manager', 'store_manager', 'admin'];

/** The four member analyses of §1.7.5 and the daily member consumption share, `?asOf=` an earlier instant. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('v1/analytics/members')
export class MemberAnalyticsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get(':analysis')
  @Roles(...ANALYTICS_ROLES)
  @ApiList(MemberAnalysisRequest)
  analyse(@Param('analysis') analysis: string, @Query() query: MemberAnalysisRequest, @Caller() caller: CallContext): Promise<unknown> {
    if (!(MEMBER_ANALYSES as readonly string[]).includes(analysis)) {
      throw new ProblemException(404, 'UNKNOWN_ANALYSIS', `No member analysis ${analysis}; one of ${MEMBER_ANALYSES.join(', ')}`);
    }
    return this.rpc.call(MembersLoyaltyRpc.MemberAnalysis, { ...query, analysis }, caller);
  }
}
