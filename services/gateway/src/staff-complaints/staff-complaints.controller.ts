import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ComplaintsTeamRpc,
  FileStaffComplaintRequest,
  ListStaffComplaintsQuery,
  StaffComplaintDismissRequest,
  StaffComplaintFirstCallRequest,
  StaffComplaintSecondCallRequest,
  StaffComplaintUpholdRequest,
  StaffComplaintVerifyRequest,
  StaffComplaintWithdrawRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { COMPLAINT_AGENT_ROLES, COMPLAINT_READ_ROLES } from '@cs/org';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Complaints about a staff member (§1.3.6): the team lead and QA act on them; the service checks who may do what. */
const QA_ROLES = [...COMPLAINT_AGENT_ROLES, 'hq_qa'] as const;

@ApiTags('staff-complaints')
@ApiBearerAuth()
@Controller('v1/staff-complaints')
export class StaffComplaintsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  private act(action: string, id: string, body: object, cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.StaffComplaintAction, { staffComplaintId: id, action, body }, cmd);
  }

  @Post()
  @Roles(...COMPLAINT_AGENT_ROLES)
  @CreatedAt('/v1/staff-complaints')
  @ApiCommand(FileStaffComplaintRequest, 201)
  file(@Body() body: FileStaffComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.FileStaffComplaint, body, cmd);
  }

  @Get()
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiList(ListStaffComplaintsQuery)
  list(@Query() query: ListStaffComplaintsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.ListStaffComplaints, withDefaultLimit(query), caller);
  }

  @Get(':id')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiGetOne()
  get(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.GetStaffComplaint, { staffComplaintId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsTeamRpc.StaffComplaintHistory, { staffComplaintId: id }, caller);
  }

  @Post(':id/first-call')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(StaffComplaintFirstCallRequest, 200)
  firstCall(@Param('id') id: string, @Body() body: StaffComplaintFirstCallRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act('first-call', id, body, cmd);
  }

  @Post(':id/second-call')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(StaffComplaintSecondCallRequest, 200)
  secondCall(@Param('id') id: string, @Body() body: StaffComplaintSecondCallRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act('second-call', id, body, cmd);
  }

  @Post(':id/verify')
  @Roles(...QA_ROLES)
  @Action()
  @ApiCommand(StaffComplaintVerifyRequest, 200)
  verify(@Param('id') id: string, @Body() body: StaffComplaintVerifyRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act('verify', id, body, cmd);
  }

  @Post(':id/withdraw')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(StaffComplaintWithdrawRequest, 200)
  withdraw(@Param('id') id: string, @Body() body: StaffComplaintWithdrawRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act('withdraw', id, body, cmd);
  }

  @Post(':id/uphold')
  @Roles(...QA_ROLES)
  @Action()
  @ApiCommand(StaffComplaintUpholdRequest, 200)
  uphold(@Param('id') id: string, @Body() body: StaffComplaintUpholdRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act('uphold', id, body, cmd);
  }

  @Post(':id/dismiss')
  @Roles(...QA_ROLES)
  @Action()
  @ApiCommand(StaffComplaintDismissRequest, 200)
  dismiss(@Param('id') id: string, @Body() body: StaffComplaintDismissRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act('dismiss', id, body, cmd);
  }
}
