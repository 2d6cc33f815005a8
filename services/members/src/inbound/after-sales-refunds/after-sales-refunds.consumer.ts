import { afterSalesRefundIssuedV1, type IntegrationEnvelope } from '@cs/contracts';
import { handleCommand, type Actor } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LoyaltyAccountErrorCodes } from '../../loyalty-account/loyalty-account.errors.js';
import { loyaltyAccountStream } from '../../rpc/loyalty-streams.js';
import { asMessageOutcome, contractPayload } from '../inbound-validation.js';
import { lockReceipt, parkRefund } from './parked-refunds.js';

export const AFTER_SALES_REFUNDS_CONSUMER = 'members__after-sales-refunds';
const AFTER_SALES: Actor = { id: 'system:after-sales-feed', role: 'system', name: 'After-sales refunds' };

/** The fields of after-sales' `AfterSalesRefundIssued` v1 that members reads (the rest is ignored). */
export const afterSalesRefundIssuedV1Type = afterSalesRefundIssuedV1.type;
export class RefundIssuedFacts {
  @IsString() @Length(1, 64) requestId: string;
  @IsInt() @Min(1) refundNo: number;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) orderRef?: string;
  @IsInt() @Min(1) @Max(10_000_000_000) amount: number;
}

/**
 * A refund from after-sales reduces the member's net spend and takes back the points of the
 * refunded amount (even when already spent: see the ledger's debt). The member is the one the
 * receipt (`orderRef`) was recorded for. A refund of a receipt not recorded yet is parked and
 * applied when the purchase arrives (parked-refunds.reactor.ts); a refund of a non-member sale
 * stays parked.
 */
export function afterSalesRefundsConsumer(host: ServiceHost) {
  return async (envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> => {
    if (envelope.type !== afterSalesRefundIssuedV1Type || envelope.version !== 1) return;
    const { requestId, refundNo, orderRef, amount } = await contractPayload(RefundIssuedFacts, envelope.type, pick(envelope.data));
    if (!orderRef) return;
    const refundId = `${requestId}#${refundNo}`;
    await lockReceipt(tx, orderRef);
    const rows = await tx.query<{ member_id: string }>('select member_id from loyalty_receipt_index where receipt_no = $1', [orderRef]);
    const memberId = rows[0]?.member_id;
    if (!memberId) return parkRefund(tx, { refundId, receiptNo: orderRef, amount, envelopeId: envelope.id });
    const now = host.clock.now().toISOString();
    try {
      await recordRefund(host, { memberId, refundId, receiptNo: orderRef, amount, envelopeId: envelope.id }, now, envelope.correlationId);
      host.poke();
    } catch (error) {
      asMessageOutcome(error, [LoyaltyAccountErrorCodes.NOT_FOUND, LoyaltyAccountErrorCodes.PURCHASE_NOT_FOUND]);
    }
  };
}

/** One refund on the member's ledger; the command id is the refund's, so the feed and the parking apply it once. */
export function recordRefund(
  host: ServiceHost,
  refund: { memberId: string; refundId: string; receiptNo: string; amount: number; envelopeId: string },
  now: string,
  correlationId?: string,
) {
  const { memberId, refundId, receiptNo, amount, envelopeId } = refund;
  return handleCommand(
    host.store,
    loyaltyAccountStream.spec(memberId),
    { type: 'RecordRefund', memberId, refundId, receiptNo, amount, now, actor: AFTER_SALES },
    { commandId: `refund:${refundId}`, request: { refundId, receiptNo, amount }, metadata: { actor: AFTER_SALES, occurredAt: now, correlationId, causationId: envelopeId } },
  );
}

function pick(data: Record<string, unknown>) {
  const { requestId, refundNo, memberId, orderRef, amount } = data;
  return { requestId, refundNo, memberId, orderRef, amount };
}
