import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ComplaintsTeamRpc, ListNotificationsQuery, TeamQueueQuery } from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { COMPLAINT_READ_ROLES } from '@cs/org';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, type CallContext } from '../http/request-context.js';
import { ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** The caller's alerts and work queues, soonest due and most severe first. */
@ApiTags('queues')
@ApiBearerAuth()
@Controller('v1')
export class QueuesController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('notifications')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiList(ListNotificationsQuery)
  notifications(@Query() query: ListNotificationsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.ListNotifications, withDefaultLimit(query), caller);
  }

  @Get('queues/mine')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiList(ListNotificationsQuery)
  mine(@Query() query: ListNotificationsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.MyQueue, withDefaultLimit(query), caller);
  }

  @Get('queues/team')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiList(TeamQueueQuery)
  team(@Query() query: TeamQueueQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.TeamQueue, withDefaultLimit(query), caller);
  }
}
