import { DomainError, handleCommand, type Actor, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import { loyaltyAccountStream } from '../rpc/loyalty-streams.js';

const CLOSER: Actor = { id: 'system:loyalty', role: 'system', name: 'Loyalty accounts' };

/**
 * A closed membership closes its points ledger (unused points forfeited, any debt written off).
 * A redemption still in flight keeps it open: the refusal is logged, the closure not retried.
 */
export function loyaltyAccountClosingReactor(host: ServiceHost): Processor<OrmTx> {
  return {
    id: 'reactor:loyalty-account-closing:v1',
    handles: ['MemberClosed'],
    async handle(events: readonly RecordedEvent[]) {
      for (const recorded of events) {
        const { memberId, closedAt } = recorded.data as { memberId: string; closedAt: string };
        try {
          await handleCommand(
            host.store,
            loyaltyAccountStream.spec(memberId),
            { type: 'CloseLoyaltyAccount', memberId, reason: 'membership closed', now: closedAt, actor: CLOSER },
            { commandId: `close-account:${memberId}`, request: { close: memberId }, metadata: { actor: CLOSER, occurredAt: closedAt, causationId: recorded.eventId } },
          );
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          host.logger.warn({ memberId, code: error.code }, 'loyalty account not closed');
        }
      }
      host.poke();
    },
  };
}
