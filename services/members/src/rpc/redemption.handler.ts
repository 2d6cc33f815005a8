import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { GetRedemptionQuery, GiftsRpc, RequestRedemptionCommand } from '@cs/contracts';
import { DomainError } from '@cs/eventstore';
import { requireActor, RpcClient, RpcError, validatePayload, type RpcContext } from '@cs/messaging';
import { previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { LoyaltyRulesService } from '../config/loyalty-rules.service.js';
import { accountNotFound } from '../loyalty-account/loyalty-account.errors.js';
import { RedemptionSaga } from '../reactions/redemption-saga.reactor.js';
import { redemptionNotFound } from '../redemption/redemption.errors.js';
import type { Redemption } from '../redemption/redemption.state.js';
import { assertAccountVisible } from './loyalty-access.js';
import { loyaltyAccountStream, redemptionStream } from './loyalty-streams.js';

/** An RPC client to the gifts service (its catalogue gives the points price). */
export const GIFTS_RPC = Symbol('GIFTS_RPC');

const view = (r: Redemption, version: number) => ({
  id: r.redemptionId,
  version,
  memberId: r.memberId,
  storeId: r.storeId,
  giftSku: r.giftSku,
  quantity: r.quantity,
  pointsPrice: r.pointsPrice,
  points: r.points,
  status: r.status,
  timeoutAt: r.timeoutAt,
  ...(r.issuanceId ? { issuanceId: r.issuanceId } : {}),
  ...(r.giftRefusalReason ? { giftRefusalReason: r.giftRefusalReason } : {}),
});

/**
 * `POST /v1/members/{id}/points/redemptions`: prices the gift from the catalogue, records the
 * request and holds the points before answering (a shortfall is a 422 at once); the saga then
 * asks gifts and spends or releases the points.
 */
@Injectable()
export class RedemptionHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly rules: LoyaltyRulesService,
    private readonly org: OrgDirectory,
    private readonly saga: RedemptionSaga,
    @Inject(GIFTS_RPC) private readonly gifts: RpcClient,
  ) {}

  async request(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(RequestRedemptionCommand, payload);
    const actor = requireActor(ctx);
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const { state: account } = await loyaltyAccountStream.load(this.host, request.memberId);
    if (!account) throw accountNotFound(request.memberId);
    assertAccountVisible(this.org, actor, account);
    const redemptionId = randomUUID();
    const reply = await runCommand(
      this.host,
      redemptionId,
      redemptionStream.spec(redemptionId),
      {
        type: 'RequestRedemption',
        redemptionId,
        memberId: request.memberId,
        storeId: request.storeId,
        giftSku: request.giftSku,
        quantity: request.quantity,
        pointsPrice: await this.pointsPrice(request.giftSku, ctx),
        rules: await this.rules.inForce(),
        now: this.host.clock.now().toISOString(),
        actor,
      },
      ctx,
      { request },
    );
    await this.saga.advance(redemptionId);
    const { state, version } = await redemptionStream.load(this.host, redemptionId);
    if (state?.status === 'refused') {
      const code = state.refusal === 'insufficient_points' ? 'INSUFFICIENT_POINTS' : 'MEMBERSHIP_NOT_ACTIVE';
      throw new DomainError(code, `The points could not be held (${state.refusal})`, 'rule', { redemptionId, points: state.points });
    }
    return { ...reply, ...view(state!, version) };
  }

  async get(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(GetRedemptionQuery, payload);
    const { state, version } = await redemptionStream.load(this.host, query.redemptionId);
    if (!state) throw redemptionNotFound(query.redemptionId);
    const { state: account } = await loyaltyAccountStream.load(this.host, state.memberId);
    if (!account) throw redemptionNotFound(query.redemptionId);
    assertAccountVisible(this.org, ctx.actor, account);
    return view(state, version);
  }

  /** Null when the gift is unknown, inactive or has no points price: the decider refuses it. */
  private async pointsPrice(giftSku: string, ctx: RpcContext): Promise<number | null> {
    try {
      const gift = await this.gifts.call<{ pointsPrice?: number | null; active?: boolean }>(GiftsRpc.GetGift, { giftSku }, { actor: ctx.actor, correlationId: ctx.correlationId });
      return gift.active === false ? null : (gift.pointsPrice ?? null);
    } catch (error) {
      if (error instanceof RpcError && error.kind === 'not_found') return null;
      throw error;
    }
  }
}
