import { DomainError, handleCommand, type Actor, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import type { LoyaltyRulesService } from '../config/loyalty-rules.service.js';
import { LoyaltyAccountErrorCodes } from '../loyalty-account/loyalty-account.errors.js';
import { loyaltyAccountStream } from '../rpc/loyalty-streams.js';

const OPENER: Actor = { id: 'system:loyalty', role: 'system', name: 'Loyalty accounts' };

/** The member event that starts a membership, and what the account needs from it. */
export interface MembershipStart {
  memberId: string;
  storeId: string;
  at: string;
}

/**
 * Opens the points ledger when a member record is entered: a member still under review or asked
 * for a supplement already earns points (§1.5.3), the birthday gift waits for a complete record.
 */
export function loyaltyAccountOpeningReactor(
  host: ServiceHost,
  rules: LoyaltyRulesService,
  startOf: (event: RecordedEvent) => MembershipStart | null,
  eventTypes: readonly string[],
): Processor<OrmTx> {
  return {
    id: 'reactor:loyalty-account-opening:v1',
    handles: eventTypes,
    async handle(events: readonly RecordedEvent[]) {
      // the rules in force, read once for the batch rather than once per account
      let inForce: ReturnType<LoyaltyRulesService['inForce']> | undefined;
      for (const recorded of events) {
        const start = startOf(recorded);
        if (!start) continue;
        try {
          await handleCommand(
            host.store,
            loyaltyAccountStream.spec(start.memberId),
            { type: 'OpenLoyaltyAccount', memberId: start.memberId, storeId: start.storeId, rules: await (inForce ??= rules.inForce()), now: start.at, actor: OPENER },
            { commandId: `open-account:${start.memberId}`, request: { open: start.memberId }, metadata: { actor: OPENER, occurredAt: start.at, causationId: recorded.eventId } },
          );
        } catch (error) {
          if (!(error instanceof DomainError && error.code === LoyaltyAccountErrorCodes.ALREADY_EXISTS)) throw error;
        }
      }
      host.poke();
    },
  };
}
