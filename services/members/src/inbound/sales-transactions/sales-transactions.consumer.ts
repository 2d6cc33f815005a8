import { SalesTransactionRecordedV1, salesTransactionRecordedV1, type IntegrationEnvelope } from '@cs/contracts';
import type { Actor } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import { LoyaltyAccountErrorCodes } from '../../loyalty-account/loyalty-account.errors.js';
import type { LoyaltyAccountHandler } from '../../rpc/loyalty-account.handler.js';
import { asMessageOutcome, contractPayload } from '../inbound-validation.js';
import { memberForOnlineBuyer } from './online-membership.js';

export const SALES_TRANSACTIONS_CONSUMER = 'members__sales-transactions';
export const POS_FEED: Actor = { id: 'system:pos-feed', role: 'pos_adapter', name: 'POS feed' };

/**
 * The POS / e-commerce sales feed: every sale becomes a fact for the member consumption share; a
 * member's sale is recorded on the member's account exactly like the HTTP path (idempotent by
 * receipt number, so a redelivered or re-sent receipt counts once); an online buyer's first sale
 * makes the buyer a member (R101). Until the new member's points ledger is open the sale is retried.
 */
export function salesTransactionsConsumer(accounts: LoyaltyAccountHandler, host: ServiceHost) {
  return async (envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> => {
    if (envelope.type !== salesTransactionRecordedV1.type || envelope.version !== salesTransactionRecordedV1.version) return;
    const sale = await contractPayload(SalesTransactionRecordedV1, envelope.type, envelope.data);
    await tx.query(
      `insert into sales_fact_v1 (receipt_no, store_id, amount, member, at, recorded_at) values ($1, $2, $3, $4, $5, now())
       on conflict (receipt_no) do nothing`,
      [sale.receiptNo, sale.storeId, sale.amount, !!sale.memberId || !!sale.buyer, sale.occurredAt],
    );
    const memberId =
      sale.memberId ?? (sale.channel === 'online' && sale.buyer ? await memberForOnlineBuyer(host, sale.buyer, sale) : undefined);
    if (!memberId) return;
    try {
      await accounts.purchase(
        {
          memberId,
          receiptNo: sale.receiptNo,
          storeId: sale.storeId,
          amount: sale.amount,
          purchasedAt: new Date(sale.occurredAt).toISOString(),
          itemCount: sale.lines.reduce((n, l) => n + l.quantity, 0),
          channel: sale.channel,
        },
        POS_FEED,
        { subject: 'sales.TransactionRecorded', correlationId: envelope.correlationId ?? envelope.id, idempotencyKey: envelope.id, actor: POS_FEED },
        sale,
      );
    } catch (error) {
      asMessageOutcome(error, [LoyaltyAccountErrorCodes.NOT_FOUND]);
    }
  };
}
