import { Body, Controller, Get, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AcceptSolutionRequest,
  AssignComplaintRequest,
  ClassifyComplaintRequest,
  CloseComplaintRequest,
  ComplaintsRpc,
  EscalateComplaintRequest,
  FileComplaintRequest,
  FirstResponseRequest,
  InvalidateComplaintRequest,
  ListComplaintsQuery,
  ProposeSolutionRequest,
  RejectSolutionRequest,
  ReopenComplaintRequest,
  ResolveComplaintRequest,
  StartInvestigationRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { COMPLAINT_AGENT_ROLES, COMPLAINT_READ_ROLES, ROLES, SOLUTION_ANSWER_ROLES } from '@cs/org';
import { parseAsOf, parsePositiveInt } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';
import { CustomerSelfMemberInterceptor } from './customer-self.interceptor.js';

const ApiSolutionNo = () => ApiParam({ name: 'n', description: 'The solution number', schema: { type: 'integer', minimum: 1 } });

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  private act(subject: string, id: string, body: object, cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(subject, { ...body, complaintId: id }, cmd);
  }

  @Post()
  @Roles(...ROLES)
  @UseInterceptors(CustomerSelfMemberInterceptor)
  @CreatedAt('/v1/complaints')
  @ApiCommand(FileComplaintRequest, 201)
  file(@Body() body: FileComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.FileComplaint, body, cmd);
  }

  @Get()
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiList(ListComplaintsQuery)
  list(@Query() query: ListComplaintsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.ListComplaints, withDefaultLimit(query), caller);
  }

  /** Customers too (to see a proposed solution); the service answers 404 for others' complaints. */
  @Get(':id')
  @Roles(...COMPLAINT_READ_ROLES, 'customer')
  @ApiGetOne()
  get(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(ComplaintsRpc.GetComplaint, at ? { complaintId: id, asOf: at } : { complaintId: id }, caller);
  }

  @Get(':id/history')
  @Roles(...COMPLAINT_READ_ROLES)
  @ApiHistory()
  history(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(ComplaintsRpc.ComplaintHistory, { complaintId: id }, caller);
  }

  @Post(':id/classify')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(ClassifyComplaintRequest, 200)
  classify(@Param('id') id: string, @Body() body: ClassifyComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.ClassifyComplaint, id, body, cmd);
  }

  @Post(':id/assign')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(AssignComplaintRequest, 200)
  assign(@Param('id') id: string, @Body() body: AssignComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.AssignComplaint, id, body, cmd);
  }

  @Post(':id/first-response')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(FirstResponseRequest, 200)
  firstResponse(@Param('id') id: string, @Body() body: FirstResponseRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.RecordFirstResponse, id, body, cmd);
  }

  @Post(':id/investigate')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(StartInvestigationRequest, 200)
  investigate(@Param('id') id: string, @Body() body: StartInvestigationRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.StartInvestigation, id, body, cmd);
  }

  @Post(':id/escalate')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(EscalateComplaintRequest, 200)
  escalate(@Param('id') id: string, @Body() body: EscalateComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.EscalateComplaint, id, body, cmd);
  }

  /** Proposes a solution on the complaint (not a new aggregate): 200 like the other actions. */
  @Post(':id/solutions')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(ProposeSolutionRequest, 200)
  proposeSolution(@Param('id') id: string, @Body() body: ProposeSolutionRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.ProposeSolution, id, body, cmd);
  }

  @Post(':id/solutions/:n/accept')
  @ApiSolutionNo()
  @Roles(...SOLUTION_ANSWER_ROLES)
  @Action()
  @ApiCommand(AcceptSolutionRequest, 200)
  acceptSolution(@Param('id') id: string, @Param('n') n: string, @Body() body: AcceptSolutionRequest, @Command() cmd: CommandContext): Promise<unknown> {
    const solutionNo = parsePositiveInt(n, 'n');
    return this.rpc.call(ComplaintsRpc.AcceptSolution, { ...body, complaintId: id, solutionNo }, cmd);
  }

  @Post(':id/solutions/:n/reject')
  @ApiSolutionNo()
  @Roles(...SOLUTION_ANSWER_ROLES)
  @Action()
  @ApiCommand(RejectSolutionRequest, 200)
  rejectSolution(@Param('id') id: string, @Param('n') n: string, @Body() body: RejectSolutionRequest, @Command() cmd: CommandContext): Promise<unknown> {
    const solutionNo = parsePositiveInt(n, 'n');
    return this.rpc.call(ComplaintsRpc.RejectSolution, { ...body, complaintId: id, solutionNo }, cmd);
  }

  @Post(':id/resolve')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(ResolveComplaintRequest, 200)
  resolve(@Param('id') id: string, @Body() body: ResolveComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.ResolveComplaint, id, body, cmd);
  }

  @Post(':id/close')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(CloseComplaintRequest, 200)
  close(@Param('id') id: string, @Body() body: CloseComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.CloseComplaint, id, body, cmd);
  }

  @Post(':id/reopen')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(ReopenComplaintRequest, 200)
  reopen(@Param('id') id: string, @Body() body: ReopenComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.ReopenComplaint, id, body, cmd);
  }

  @Post(':id/invalidate')
  @Roles(...COMPLAINT_AGENT_ROLES)
  @Action()
  @ApiCommand(InvalidateComplaintRequest, 200)
  invalidate(@Param('id') id: string, @Body() body: InvalidateComplaintRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.act(ComplaintsRpc.InvalidateComplaint, id, body, cmd);
  }
}
