import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  BirthdayListQuery,
  ExpiringMembersQuery,
  MembersLoyaltyRpc,
  RankingsQuery,
  RecordBirthdayCallRequest,
  RecordBirthdayCardRequest,
  RecordPurchaseRequest,
  RequestRedemptionRequest,
  SetLoyaltyConfigRequest,
} from '@cs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { HQ_REVIEW_ROLES, LOYALTY_CONFIG_ROLES, MEMBER_READ_ROLES, STAFF_ROLES, STORE_ROLES, type Role } from '@cs/org';
import { parseAsOf, parsePositiveInt } from '../http/command-headers.js';
import { withDefaultLimit } from '../http/list-query.js';
import { ProblemException } from '../http/problem.js';
import { Caller, Command, type CallContext, type CommandContext } from '../http/request-context.js';
import { Action, CreatedAt } from '../http/response-headers.interceptor.js';
import { ApiCommand, ApiGetOne, ApiHistory, ApiList } from '../openapi/api-docs.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

/** Who records a sale by HTTP (the POS feed also arrives as a bus event). */
const PURCHASE_ROLES: readonly Role[] = STORE_ROLES;
/** The service desk and the member itself redeem points (R106). */
const REDEMPTION_ROLES: readonly Role[] = [...STORE_ROLES, 'customer'];
/** The HQ work lists are worked by the HQ desk that reviews members. */
const HQ_LIST_ROLES = HQ_REVIEW_ROLES;
const RANKING_ROLES: readonly Role[] = [...HQ_LIST_ROLES, 'store_manager', 'general_manager'];
/** The HQ desk works the birthday list; the store may send the card or make the call itself. */
const BIRTHDAY_ROLES: readonly Role[] = [...HQ_LIST_ROLES, ...STORE_ROLES];

const ApiGreetingYear = () => ApiParam({ name: 'year', description: 'The birthday greeting\'s year (the birthday list shows it)', schema: { type: 'integer', minimum: 2000 } });

function assertCustomerSelf(caller: CallContext, memberId: string): void {
  if (caller.actor.role === 'customer' && caller.actor.id !== memberId) {
    throw new ProblemException(404, 'MEMBER_NOT_FOUND', `Member ${memberId} not found`);
  }
}

/** "Members: loyalty" of the shared API outline: purchases, points, redemptions, tiers and the HQ lists. */
@ApiTags('members: loyalty')
@ApiBearerAuth()
@Controller('v1/members')
export class LoyaltyController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get('expiring')
  @Roles(...HQ_LIST_ROLES)
  @ApiList(ExpiringMembersQuery)
  expiring(@Query() query: ExpiringMembersQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.ExpiringMembers, withDefaultLimit(query), caller);
  }

  @Get('birthdays')
  @Roles(...HQ_LIST_ROLES)
  @ApiList(BirthdayListQuery)
  birthdays(@Query() query: BirthdayListQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.BirthdayList, withDefaultLimit(query), caller);
  }

  @Post(':id/birthday-greetings/:year/card')
  @ApiGreetingYear()
  @Roles(...BIRTHDAY_ROLES)
  @Action()
  @ApiCommand(RecordBirthdayCardRequest, 200)
  birthdayCard(@Param('id') id: string, @Param('year') year: string, @Body() body: RecordBirthdayCardRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.RecordBirthdayCard, { ...body, memberId: id, year: parsePositiveInt(year, 'year') }, cmd);
  }

  @Post(':id/birthday-greetings/:year/call')
  @ApiGreetingYear()
  @Roles(...BIRTHDAY_ROLES)
  @Action()
  @ApiCommand(RecordBirthdayCallRequest, 200)
  birthdayCall(@Param('id') id: string, @Param('year') year: string, @Body() body: RecordBirthdayCallRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.RecordBirthdayCall, { ...body, memberId: id, year: parsePositiveInt(year, 'year') }, cmd);
  }

  @Get('rankings')
  @Roles(...RANKING_ROLES)
  @ApiList(RankingsQuery)
  rankings(@Query() query: RankingsQuery, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.Rankings, query, caller);
  }

  @Post(':id/purchases')
  @Roles(...PURCHASE_ROLES)
  @Action()
  @ApiCommand(RecordPurchaseRequest, 200)
  purchase(@Param('id') id: string, @Body() body: RecordPurchaseRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.RecordPurchase, { ...body, memberId: id }, cmd);
  }

  @Get(':id/points')
  @Roles(...MEMBER_READ_ROLES, 'customer')
  @ApiGetOne()
  points(@Param('id') id: string, @Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    assertCustomerSelf(caller, id);
    const at = parseAsOf(asOf);
    return this.rpc.call(MembersLoyaltyRpc.GetPoints, at ? { memberId: id, asOf: at } : { memberId: id }, caller);
  }

  @Post(':id/points/redemptions')
  @Roles(...REDEMPTION_ROLES)
  @CreatedAt('/v1/members/redemptions')
  @ApiCommand(RequestRedemptionRequest, 201)
  redeem(@Param('id') id: string, @Body() body: RequestRedemptionRequest, @Command() cmd: CommandContext): Promise<unknown> {
    assertCustomerSelf(cmd, id);
    return this.rpc.call(MembersLoyaltyRpc.RequestRedemption, { ...body, memberId: id }, cmd);
  }

  @Get('redemptions/:redemptionId')
  @Roles(...REDEMPTION_ROLES, ...MEMBER_READ_ROLES)
  @ApiGetOne()
  redemption(@Param('redemptionId') redemptionId: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.GetRedemption, { redemptionId }, caller);
  }

  @Get(':id/tier-history')
  @Roles(...MEMBER_READ_ROLES)
  @ApiHistory()
  tierHistory(@Param('id') id: string, @Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.TierHistory, { memberId: id }, caller);
  }
}

/** `/v1/config/loyalty`: tiers and thresholds, points rate, vesting and expiry; changes are events. */
@ApiTags('config')
@ApiBearerAuth()
@Controller('v1/config/loyalty')
export class LoyaltyConfigController {
  constructor(@Inject(GatewayRpc) private readonly rpc: GatewayRpc) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiGetOne()
  get(@Query('asOf') asOf: unknown, @Caller() caller: CallContext): Promise<unknown> {
    const at = parseAsOf(asOf);
    return this.rpc.call(MembersLoyaltyRpc.GetLoyaltyConfig, at ? { asOf: at } : {}, caller);
  }

  @Get('history')
  @Roles(...STAFF_ROLES)
  @ApiHistory()
  history(@Caller() caller: CallContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.LoyaltyConfigHistory, {}, caller);
  }

  @Post()
  @Roles(...LOYALTY_CONFIG_ROLES)
  @Action()
  @ApiCommand(SetLoyaltyConfigRequest, 200)
  set(@Body() body: SetLoyaltyConfigRequest, @Command() cmd: CommandContext): Promise<unknown> {
    return this.rpc.call(MembersLoyaltyRpc.SetLoyaltyConfig, body, cmd);
  }
}
