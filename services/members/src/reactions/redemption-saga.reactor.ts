import { DomainError, handleCommand, type Actor, type Processor, type RecordedEvent } from '@cs/eventstore';
import type { OrmTx, ServiceHost } from '@cs/nest-common';
import type { LoyaltyAccountCommand } from '../loyalty-account/loyalty-account.commands.js';
import { LoyaltyAccountErrorCodes } from '../loyalty-account/loyalty-account.errors.js';
import { availablePoints } from '../loyalty-account/loyalty-account.state.js';
import type { RedemptionCommand } from '../redemption/redemption.commands.js';
import { nextRedemptionStep } from '../redemption/redemption.next-step.js';
import type { Redemption } from '../redemption/redemption.state.js';
import { loyaltyAccountStream, redemptionStream, redemptionIdOfStream } from '../rpc/loyalty-streams.js';

export const SAGA: Actor = { id: 'system:redemption', role: 'system', name: 'Points redemption' };

/** Omit over each member of a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Step = Without<RedemptionCommand, 'redemptionId' | 'now' | 'actor'>;
type LedgerStep = Without<Extract<LoyaltyAccountCommand, { type: 'HoldPoints' | 'ConfirmHold' | 'ReleaseHold' }>, 'memberId' | 'now' | 'actor'>;

/**
 * Drives each redemption one step further on every change of its stream: hold the points, (the
 * relay asks gifts), spend or release them, charge a late gift. The next step is derived from
 * the state alone, and both sides are idempotent, so a crash anywhere is resumed by a replay.
 */
export class RedemptionSaga {
  constructor(private readonly host: ServiceHost) {}

  processor(): Processor<OrmTx> {
    return {
      id: 'reactor:redemption-saga:v1',
      handles: ['RedemptionRequested', 'RedemptionPointsHeld', 'RedemptionGiftIssued', 'RedemptionGiftRefused', 'RedemptionTimedOut', 'RedemptionReleased', 'RedemptionGiftIssuedLate'],
      handle: async (events: readonly RecordedEvent[]) => {
        for (const streamId of new Set(events.map((e) => e.streamId))) await this.advance(redemptionIdOfStream(streamId));
        this.host.poke();
      },
    };
  }

  /** Runs steps until the redemption waits on someone else (gifts, the timer) or is finished. */
  async advance(redemptionId: string): Promise<void> {
    for (let guard = 0; guard < 5; guard++) {
      const { state } = await redemptionStream.load(this.host, redemptionId);
      if (!state) return;
      const step = nextRedemptionStep(state);
      const key = `saga:${redemptionId}:${state.status}`;
      switch (step.kind) {
        case 'hold_points':
        case 'charge_late': {
          const held = await this.ledger(state, { type: 'HoldPoints', holdId: step.holdId, redemptionId, points: step.points }, `${key}:hold`);
          if (held === true && step.kind === 'charge_late') await this.ledger(state, { type: 'ConfirmHold', holdId: step.holdId }, `${key}:confirm`);
          if (held === true) await this.record(state, step.kind === 'hold_points' ? { type: 'RecordPointsHeld' } : { type: 'RecordHoldConfirmed' }, key);
          else {
            const refusal = { reason: held.reason, available: held.available };
            await this.record(state, step.kind === 'hold_points' ? { type: 'RecordHoldRefused', ...refusal } : { type: 'RecordLateChargeRefused', ...refusal }, key);
          }
          break;
        }
        case 'confirm_hold':
          await this.ledger(state, { type: 'ConfirmHold', holdId: step.holdId }, `${key}:confirm`);
          await this.record(state, { type: 'RecordHoldConfirmed' }, key);
          break;
        case 'release_hold':
          await this.ledger(state, { type: 'ReleaseHold', holdId: step.holdId, reason: step.reason }, `${key}:release`);
          await this.record(state, { type: 'RecordHoldReleased' }, key);
          break;
        case 'issue_gift':
        case 'none':
          return;
        default: {
          const _exhaustive: never = step;
          return _exhaustive;
        }
      }
    }
  }

  /** true when the ledger took the command, otherwise why the points could not be held. */
  private async ledger(
    state: Redemption,
    step: LedgerStep,
    commandId: string,
  ): Promise<true | { reason: 'insufficient_points' | 'membership_not_active'; available: number }> {
    const now = this.host.clock.now().toISOString();
    try {
      const command = { ...step, memberId: state.memberId, now, actor: SAGA } as LoyaltyAccountCommand;
      // the step alone identifies it: the RPC handler and this reactor may both take it, at other instants
      await handleCommand(this.host.store, loyaltyAccountStream.spec(state.memberId), command, { commandId, request: step, metadata: { actor: SAGA, occurredAt: now } });
      return true;
    } catch (error) {
      if (!(error instanceof DomainError) || step.type !== 'HoldPoints') throw error;
      const { state: account } = await loyaltyAccountStream.load(this.host, state.memberId);
      const insufficient = error.code === LoyaltyAccountErrorCodes.INSUFFICIENT_POINTS;
      return { reason: insufficient ? 'insufficient_points' : 'membership_not_active', available: account ? availablePoints(account) : 0 };
    }
  }

  /**
   * Records the outcome once per step (the RPC handler and this reactor may both be advancing the
   * same redemption); a step another runner already took is simply seen on the next look.
   */
  private async record(state: Redemption, step: Step, key: string): Promise<void> {
    const now = this.host.clock.now().toISOString();
    const command = { ...step, redemptionId: state.redemptionId, now, actor: SAGA } as RedemptionCommand;
    try {
      await handleCommand(this.host.store, redemptionStream.spec(state.redemptionId), command, { commandId: `${key}:record`, request: { type: step.type }, metadata: { actor: SAGA, occurredAt: now } });
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }
}
