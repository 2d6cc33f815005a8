import { afterSalesRefundIssuedV1, type IntegrationEnvelope } from '@cs/contracts';
import { handleCommand, type Actor } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LoyaltyAccountErrorCodes } from '../../loyalty-account/loyalty-account.errors.js';
import { loyaltyAccountStream } from '../../rpc/loyalty-streams.js';
import { asMessageOutcome, contractPayload } from '../inbound-validation.js';

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
 * refunded amount (even when already spent: see the ledger's debt). The member is the one named,
 * or the one the receipt (`orderRef`) was recorded for; a non-member sale is ignored.
 */
export function afterSalesRefundsConsumer(host: ServiceHost) {
  return async (envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> => {
    if (envelope.type !== afterSalesRefundIssuedV1Type || envelope.version !== 1) return;
    const { requestId, refundNo, memberId: named, orderRef, amount } = await contractPayload(RefundIssuedFacts, envelope.type, pick(envelope.data));
    if (!orderRef) return;
    const rows = await tx.query<{ member_id: string }>('select member_id from loyalty_receipt_index where receipt_no = $1', [orderRef]);
    const memberId = rows[0]?.member_id ?? named;
    if (!memberId) return;
    const refundId = `${requestId}#${refundNo}`;
    const now = host.clock.now().toISOString();
    try {
      await handleCommand(
        host.store,
        loyaltyAccountStream.spec(memberId),
        { type: 'RecordRefund', memberId, refundId, receiptNo: orderRef, amount, now, actor: AFTER_SALES },
        { commandId: `refund:${refundId}`, request: { refundId, receiptNo: orderRef, amount }, metadata: { actor: AFTER_SALES, occurredAt: now, correlationId: envelope.correlationId, causationId: envelope.id } },
      );
      host.poke();
    } catch (error) {
      asMessageOutcome(error, [LoyaltyAccountErrorCodes.NOT_FOUND, LoyaltyAccountErrorCodes.PURCHASE_NOT_FOUND]);
    }
  };
}

function pick(data: Record<string, unknown>) {
  const { requestId, refundNo, memberId, orderRef, amount } = data;
  return { requestId, refundNo, memberId, orderRef, amount };
}
