import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ChangeMemberContactRequest,
  CloseMembershipRequest,
  MembersProfileRpc,
  RecordIdentityCheckRequest,
  UpdateMemberConsentRequest,
  UpdateMemberPreferencesRequest,
} from '@cs/contracts';
import { HQ_REVIEW_ROLES, STORE_ROLES, type Role } from '@cs/org';
import { Roles } from '../auth/auth.decorators.js';
import { ProblemException } from '../http/problem.js';
import { Command, type CommandContext } from '../http/request-context.js';
import { Action } from '../http/response-headers.interceptor.js';
import { ApiCommand } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Profile upkeep: store staff and the HQ desk. */
const UPKEEP_ROLES: readonly Role[] = [...new Set([...STORE_ROLES, ...HQ_REVIEW_ROLES])];
/** Agents verify a caller's identity; store staff at the desk too. */
const IDENTITY_CHECK_ROLES: readonly Role[] = UPKEEP_ROLES;
/** Closure: the HQ manager, or the member itself. */
const CLOSE_ROLES: readonly Role[] = ['hq_cs_manager', 'admin', 'customer'];

/** Profile upkeep of an active member, identity checks and closure (the shared API outline, "Members"). */
@ApiTags('members')
@ApiBearerAuth()
@Controller('v1/members')
export class MemberProfileController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Post(':id/contact')
  @Roles(...UPKEEP_ROLES)
  @Action()
  @ApiCommand(ChangeMemberContactRequest, 200)
  contact(@Param('id') id: string, @Body() body: ChangeMemberContactRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersProfileRpc.ChangeContact, { ...body, memberId: id }, cmd);
  }

  @Post(':id/preferences')
  @Roles(...UPKEEP_ROLES)
  @Action()
  @ApiCommand(UpdateMemberPreferencesRequest, 200)
  preferences(@Param('id') id: string, @Body() body: UpdateMemberPreferencesRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersProfileRpc.UpdatePreferences, { ...body, memberId: id }, cmd);
  }

  @Post(':id/consent')
  @Roles(...UPKEEP_ROLES)
  @Action()
  @ApiCommand(UpdateMemberConsentRequest, 200)
  consent(@Param('id') id: string, @Body() body: UpdateMemberConsentRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersProfileRpc.UpdateConsent, { ...body, memberId: id }, cmd);
  }

  @Post(':id/identity-checks')
  @Roles(...IDENTITY_CHECK_ROLES)
  @Action()
  @ApiCommand(RecordIdentityCheckRequest, 200)
  identityCheck(@Param('id') id: string, @Body() body: RecordIdentityCheckRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersProfileRpc.RecordIdentityCheck, { ...body, memberId: id }, cmd);
  }

  @Post(':id/close')
  @Roles(...CLOSE_ROLES)
  @Action()
  @ApiCommand(CloseMembershipRequest, 200)
  close(@Param('id') id: string, @Body() body: CloseMembershipRequest, @Command() cmd: CommandContext): Promise<unknown> {
    if (cmd.actor.role === 'customer' && cmd.actor.id !== id) throw new ProblemException(404, 'MEMBER_NOT_FOUND', `Member ${id} not found`);
    return this.rpc.call(MembersProfileRpc.CloseMembership, { ...body, memberId: id }, cmd);
  }
}
