import { Injectable } from '@nestjs/common';
import { DomainError, handleCommand, scheduleTimers, type Actor, type SqlTx, type Timer } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { LoyaltyRulesService } from '../config/loyalty-rules.service.js';
import type { LoyaltyAccountCommand } from '../loyalty-account/loyalty-account.commands.js';
import { addDays } from '../loyalty-account/loyalty-account.values.js';
import { BIRTHDAY_GREETING_STREAM_TYPE } from '../birthday-greeting/birthday-greeting.decider.js';
import { LOYALTY_TIMER_KIND as K } from '../projections/loyalty-timers/loyalty-timers.processor.js';
import { birthdayGreetingStream, loyaltyAccountStream, memberIdOfAccountStream, redemptionIdOfStream, redemptionStream } from '../rpc/loyalty-streams.js';
import { MonthlyRunService } from './monthly-run.service.js';

const CLOCK: Actor = { id: 'system:loyalty-timer', role: 'system', name: 'Loyalty clock' };
const PREFIXES = ['loyalty.', 'redemption.', 'birthday.'];

/**
 * Turns a fired loyalty timer into a command stamped at the timer's due instant (not whenever the
 * worker noticed, e.g. after a restart). The timer id is the command id: a refire after a crash is
 * answered from the command log.
 */
@Injectable()
export class LoyaltyTimerHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly rules: LoyaltyRulesService,
    private readonly monthly: MonthlyRunService,
  ) {}

  handles(kind: string): boolean {
    return PREFIXES.some((p) => kind.startsWith(p));
  }

  async fire(timer: Timer): Promise<void> {
    const now = timer.dueAt.toISOString();
    // the key alone identifies the firing (a retry may run under other rules)
    const options = { commandId: `timer:${timer.timerId}`, request: { timer: timer.timerId }, metadata: { actor: CLOCK, occurredAt: now, causationId: timer.timerId } };
    const base = { now, actor: CLOCK };
    try {
      switch (timer.kind) {
        case K.lotVest:
        case K.lotExpire:
          await this.account(timer, { type: 'ProcessDueLots', memberId: memberIdOfAccountStream(timer.streamId), ...base }, options);
          break;
        case K.membershipExpire:
          await this.account(timer, { type: 'ExpireMembership', memberId: memberIdOfAccountStream(timer.streamId), ...base }, options);
          break;
        case K.atRisk:
        case K.churn: {
          const memberId = memberIdOfAccountStream(timer.streamId);
          const rules = await this.rules.inForce();
          const type = timer.kind === K.atRisk ? ('MarkAtRisk' as const) : ('MarkChurned' as const);
          await this.account(timer, { type, memberId, rules, ...base }, options);
          await this.rearmInactivity(memberId, now);
          break;
        }
        case K.redemptionTimeout: {
          const redemptionId = redemptionIdOfStream(timer.streamId);
          await handleCommand(this.host.store, redemptionStream.spec(redemptionId), { type: 'TimeOutRedemption', redemptionId, ...base }, options);
          break;
        }
        case K.birthdayGiftDue: {
          const greetingId = timer.streamId.slice(BIRTHDAY_GREETING_STREAM_TYPE.length + 1);
          // not stamped with the due instant in the clear metadata: it is the birthday less the lead days
          const { occurredAt: _birthdayLessLead, ...metadata } = options.metadata;
          await handleCommand(this.host.store, birthdayGreetingStream.spec(greetingId), { type: 'MarkBirthdayGiftDue', greetingId, ...base }, { ...options, metadata });
          break;
        }
        case K.monthlyRun:
          await this.monthly.run(String(timer.payload.month), now);
          break;
        default:
          this.host.logger.warn({ kind: timer.kind }, 'unknown loyalty timer');
      }
    } catch (error) {
      // a refusal will not change on a retry (e.g. the account was closed meanwhile)
      if (!(error instanceof DomainError)) throw error;
      this.host.logger.warn({ timer: timer.timerId, code: error.code }, 'loyalty timer refused');
    }
    this.host.poke();
  }

  private async account(_timer: Timer, command: LoyaltyAccountCommand, options: Parameters<typeof handleCommand>[3]): Promise<void> {
    await handleCommand(this.host.store, loyaltyAccountStream.spec(command.memberId), command, options);
  }

  /** An inactivity timer armed before a later purchase (or rules change) fired for nothing: arm the right one. */
  private async rearmInactivity(memberId: string, now: string): Promise<void> {
    const { state } = await loyaltyAccountStream.load(this.host, memberId);
    if (!state || (state.status !== 'active' && state.status !== 'at_risk')) return;
    const { rules } = await this.rules.inForce();
    const last = state.lastPurchaseAt ?? state.openedAt;
    const kind = state.status === 'active' ? K.atRisk : K.churn;
    const dueAt = addDays(last, state.status === 'active' ? rules.atRiskAfterDays : rules.churnedAfterDays);
    if (Date.parse(dueAt) <= Date.parse(now)) return;
    const tx: SqlTx = { query: async <R>(sql: string, params?: unknown[]) => (await this.host.pool.query(sql, params)).rows as R[] };
    const streamId = loyaltyAccountStream.spec(memberId).streamId;
    await scheduleTimers(tx, [{ timerId: `${streamId}:${kind}:rearm-${dueAt}`, streamId, kind, dueAt: new Date(dueAt), payload: {} }]);
  }
}
