import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ListMembersQuery,
  MembersRpc,
  ReviewMemberRequest,
  ProfileCompletenessQuery,
  ReviewQueueQuery,
  SubmitMemberApplicationRequest,
  SupplementMemberRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { HQ_REVIEW_ROLES, MEMBER_READ_ROLES, STORE_ROLES } from '@cs/org';
import { parseAsOf } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { ProblemException } from '../http/problem.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** A customer sees only its own member record; other ids are "not found" like any out-of-scope id. */
function assertCustomerSelf(caller: CallContext, memberId: string): void {
  if (caller.actor.role === 'customer' && caller.actor.id !== memberId) {
    throw new ProblemException(404, 'MEMBER_NOT_FOUND', `Member ${memberId} not found`);
  }
}

@ApiTags('members')
@ApiBearerAuth()
@Controller('v1/members')
export class MembersController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post()
  @Roles(...STORE_ROLES)
  @CreatedAt('/v1/members')
  @ApiCommand(SubmitMemberApplicationRequest, 201)
  submit(@Body() body: SubmitMemberApplicationRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.SubmitApplication, body, cmd);
  }

  @Get('review-queue')
  @Roles(...HQ_REVIEW_ROLES)
  @ApiList(ReviewQueueQuery)
  reviewQueue(@Query() query: ReviewQueueQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.ReviewQueue, withDefaultLimit(query), caller);
  }

  @Get('completeness')
  @Roles(...HQ_REVIEW_ROLES)
  @ApiList(ProfileCompletenessQuery)
  completeness(@Query() query: ProfileCompletenessQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.ProfileCompleteness, withDefaultLimit(query), caller);
  }

  @Get()
  @Roles(...MEMBER_READ_ROLES)
  @ApiList(ListMembersQuery)
  list(@Query() query: ListMembersQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.ListMembers, withDefaultLimit(query), caller);
  }

  /** A customer too, for its own record only. */
  @Get(':id')
  @Roles(...MEMBER_READ_ROLES, 'customer')
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    assertCustomerSelf(caller, id);
    const at = parseAsOf(asOf);
    return this.rpc.call(MembersRpc.GetMember, at ? { memberId: id, asOf: at } : { memberId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...MEMBER_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.MemberHistory, { memberId: id }, caller);
  }

  @Post(':id/review')
  @Roles(...HQ_REVIEW_ROLES)
  @Action()
  @ApiCommand(ReviewMemberRequest, 200)
  review(@Param('id') id: string, @Body() body: ReviewMemberRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.ReviewApplication, { ...body, memberId: id }, cmd);
  }

  @Post(':id/supplement')
  @Roles(...STORE_ROLES)
  @Action()
  @ApiCommand(SupplementMemberRequest, 200)
  supplement(@Param('id') id: string, @Body() body: SupplementMemberRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersRpc.SupplementApplication, { ...body, memberId: id }, cmd);
  }
}
