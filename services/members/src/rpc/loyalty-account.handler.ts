import { Injectable } from '@nestjs/common';
import { GetPointsQuery, RecordPurchaseCommand, TierHistoryQuery } from '@cs/contracts';
import { DomainError, type Actor } from '@cs/eventstore';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { PoolClient } from 'pg';
import { LoyaltyRulesService } from '../config/loyalty-rules.service.js';
import type { RecordPurchase } from '../loyalty-account/loyalty-account.commands.js';
import { accountNotFound } from '../loyalty-account/loyalty-account.errors.js';
import type { PurchaseChannel } from '../loyalty-account/loyalty-account.values.js';
import { assertAccountVisible, assertMaySell } from './loyalty-access.js';
import { pointsView, tierHistoryView } from './loyalty-account-view.js';
import { loyaltyAccountStream } from './loyalty-streams.js';
import { lockReceipt } from '../inbound/after-sales-refunds/parked-refunds.js';

export interface PurchaseInput {
  memberId: string;
  receiptNo: string;
  storeId: string;
  amount: number;
  purchasedAt: string;
  itemCount: number;
  channel: PurchaseChannel;
}

/** A receipt belongs to one member: claimed in the purchase's own append transaction. */
export async function claimReceipt(client: PoolClient, receiptNo: string, memberId: string): Promise<void> {
  await lockReceipt(client, receiptNo);
  await client.query('insert into loyalty_receipt_index (receipt_no, member_id) values ($1, $2) on conflict (receipt_no) do nothing', [receiptNo, memberId]);
  const { rows } = await client.query<{ member_id: string }>('select member_id from loyalty_receipt_index where receipt_no = $1', [receiptNo]);
  if (rows[0]?.member_id !== memberId) {
    throw new DomainError('RECEIPT_OF_ANOTHER_MEMBER', `Receipt ${receiptNo} is recorded for another member`, 'conflict', { receiptNo });
  }
}

/** Purchases, points and tier history of a member (`/v1/members/{id}/purchases|points|tier-history`). */
@Injectable()
export class LoyaltyAccountHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly rules: LoyaltyRulesService,
    private readonly org: OrgDirectory,
  ) {}

  async recordPurchase(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(RecordPurchaseCommand, payload);
    const actor = requireActor(ctx);
    assertMaySell(this.org, actor, request.storeId);
    return this.purchase(
      {
        memberId: request.memberId,
        receiptNo: request.receiptNo,
        storeId: request.storeId,
        amount: request.amount,
        purchasedAt: new Date(request.purchasedAt).toISOString(),
        itemCount: request.lines.reduce((n, l) => n + l.quantity, 0),
        channel: request.channel ?? (this.org.store(request.storeId)?.type === 'online' ? 'online' : 'store'),
      },
      actor,
      ctx,
      request,
    );
  }

  /** Shared by the RPC and the sales feed consumer. */
  async purchase(input: PurchaseInput, actor: Actor, ctx: RpcContext, request: unknown): Promise<CommandReply> {
    const command: RecordPurchase = {
      type: 'RecordPurchase',
      ...input,
      rules: await this.rules.inForce(),
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, input.memberId, loyaltyAccountStream.spec(input.memberId), command, ctx, {
      request,
      inline: (client) => claimReceipt(client, input.receiptNo, input.memberId),
      toResult: (state, events) => ({
        recorded: events.length > 0,
        tier: state?.tier,
        pointsEarned: events.filter((e) => e.type === 'PointsEarned').reduce((n, e) => n + (e.data as { points: number }).points, 0),
      }),
    });
  }

  async points(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(GetPointsQuery, payload);
    const asOf = query.asOf ? new Date(query.asOf) : undefined;
    const { state, version } = await loyaltyAccountStream.load(this.host, query.memberId, asOf);
    if (!state) throw accountNotFound(query.memberId);
    assertAccountVisible(this.org, ctx.actor, state);
    return pointsView(state, version, (asOf ?? this.host.clock.now()).toISOString());
  }

  async tierHistory(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(TierHistoryQuery, payload);
    const { state, events } = await loyaltyAccountStream.load(this.host, query.memberId);
    if (!state) throw accountNotFound(query.memberId);
    assertAccountVisible(this.org, ctx.actor, state);
    return tierHistoryView(query.memberId, events);
  }
}
