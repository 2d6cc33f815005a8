import { DomainError, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import { recordRefund } from '../inbound/after-sales-refunds/after-sales-refunds.consumer.js';
import { unparkRefunds } from '../inbound/after-sales-refunds/parked-refunds.js';
import { memberIdOfAccountStream } from '../rpc/loyalty-streams.js';

/**
 * A purchase recorded: the refunds of its receipt that arrived first are applied now, in the
 * order they arrived. A refund the ledger refuses (more than was paid) is logged and dropped; any
 * other failure rolls the unparking back and the batch is retried.
 */
export function parkedRefundsReactor(host: ServiceHost): Processor<OrmTx> {
  return {
    id: 'reactor:parked-refunds:v1',
    handles: ['PurchaseRecorded'],
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      for (const recorded of events) {
        const { receiptNo } = recorded.data as { receiptNo: string };
        const memberId = memberIdOfAccountStream(recorded.streamId);
        for (const refund of await unparkRefunds(tx, receiptNo)) {
          try {
            await recordRefund(host, { ...refund, memberId }, host.clock.now().toISOString());
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            host.logger.warn({ memberId, refundId: refund.refundId, code: error.code }, 'parked refund refused');
          }
        }
      }
      host.poke();
    },
  };
}
