import { cancelTimers, scheduleTimers, type Processor, type RecordedEvent, type SqlTx, type Timer } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { BIRTHDAY_GREETING_STREAM_TYPE } from '../../birthday-greeting/birthday-greeting.decider.js';
import type { BirthdayGreetingEvent } from '../../birthday-greeting/birthday-greeting.events.js';
import type { MemberClosed } from '../../member/member.events.js';
import type { LoyaltyAccountEvent } from '../../loyalty-account/loyalty-account.events.js';
import { addDays } from '../../loyalty-account/loyalty-account.values.js';
import type { LoyaltyRules } from '../../loyalty-config/loyalty-config.values.js';
import type { RedemptionEvent } from '../../redemption/redemption.events.js';

export const LOYALTY_TIMER_KIND = {
  lotVest: 'loyalty.lot.vest',
  lotExpire: 'loyalty.lot.expire',
  membershipExpire: 'loyalty.membership.expire',
  atRisk: 'loyalty.activity.at-risk',
  churn: 'loyalty.activity.churn',
  redemptionTimeout: 'redemption.timeout',
  birthdayGiftDue: 'birthday.gift-due',
  monthlyRun: 'loyalty.monthly-run',
} as const;

const timer = (streamId: string, kind: string, at: string, key: string, payload: Record<string, unknown> = {}): Timer => ({
  timerId: `${streamId}:${kind}:${key}`,
  streamId,
  kind,
  dueAt: new Date(at),
  payload,
});

/**
 * Keeps the durable schedule in step with the loyalty log: each lot vests and expires at its own
 * instant, the membership expires at its instant, inactivity is checked when it could first be
 * due, a redemption times out, a birthday gift falls due. Timers are rows: they survive restarts.
 */
export function loyaltyTimersProcessor(rulesInForce: () => Promise<LoyaltyRules>): Processor<OrmTx> {
  return {
    id: 'processor:loyalty-timers:v1',
    handles: [
      'LoyaltyAccountOpened',
      'PurchaseRecorded',
      'PointsEarned',
      'MembershipRenewed',
      'MemberAtRisk',
      'LoyaltyAccountClosed',
      'RedemptionRequested',
      'BirthdayGreetingPlanned',
      'MemberClosed',
    ],
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      // timers to schedule go in one statement, sent before anything that cancels or drops timers
      const pending: Timer[] = [];
      const schedule = (timers: Timer[]) => void pending.push(...timers);
      const flush = () => scheduleTimers(tx, pending.splice(0));
      let rulesOfBatch: Promise<LoyaltyRules> | undefined;
      const rules = () => (rulesOfBatch ??= rulesInForce());
      for (const recorded of events) {
        const streamId = recorded.streamId;
        const event = { type: recorded.type, data: recorded.data } as LoyaltyAccountEvent | RedemptionEvent | BirthdayGreetingEvent | MemberClosed;
        const K = LOYALTY_TIMER_KIND;
        switch (event.type) {
          case 'PointsEarned':
            schedule([
              timer(streamId, K.lotVest, event.data.vestsAt, event.data.lotId),
              timer(streamId, K.lotExpire, event.data.expiresAt, event.data.lotId),
            ]);
            break;
          case 'LoyaltyAccountOpened': {
            const r = await rules();
            schedule([
              timer(streamId, K.membershipExpire, event.data.membershipExpiresAt, event.data.membershipExpiresAt),
              timer(streamId, K.atRisk, addDays(event.data.at, r.atRiskAfterDays), event.data.at),
            ]);
            break;
          }
          case 'MembershipRenewed':
            await flush();
            await cancelTimers(tx, streamId, K.membershipExpire);
            schedule([timer(streamId, K.membershipExpire, event.data.expiresAt, event.data.expiresAt)]);
            break;
          case 'PurchaseRecorded': {
            // the handler re-arms from state if an older receipt arrived late
            const r = await rules();
            await flush();
            await cancelTimers(tx, streamId, 'loyalty.activity.');
            schedule([timer(streamId, K.atRisk, addDays(event.data.purchasedAt, r.atRiskAfterDays), event.data.receiptNo)]);
            break;
          }
          case 'MemberAtRisk': {
            const r = await rules();
            schedule([timer(streamId, K.churn, addDays(event.data.lastActivityAt, r.churnedAfterDays), event.data.lastActivityAt)]);
            break;
          }
          case 'LoyaltyAccountClosed':
            await flush();
            await cancelTimers(tx, streamId, 'loyalty.');
            break;
          case 'RedemptionRequested':
            schedule([timer(streamId, K.redemptionTimeout, event.data.timeoutAt, 'timeout')]);
            break;
          case 'BirthdayGreetingPlanned':
            // a replay after the member's closure reads the due instant erased: nothing to schedule
            if (!Number.isNaN(Date.parse(event.data.giftDueAt))) schedule([timer(streamId, K.birthdayGiftDue, event.data.giftDueAt, 'gift')]);
            break;
          case 'MemberClosed':
            await flush();
            await dropGreetingTimersOf(tx, event.data.memberId);
            break;
          default:
            break;
        }
      }
      await flush();
    },
  };
}


/** The gift's due instant is the birthday less the lead days: a closed member's greeting timers go, fired or not. */
export async function dropGreetingTimersOf(tx: SqlTx, memberId: string): Promise<void> {
  await tx.query(
    `delete from es_timers where kind = $1 and left(stream_id, length($2)) = $2 and substr(stream_id, length($2) + 1) ~ '^\\d{4}$'`,
    [LOYALTY_TIMER_KIND.birthdayGiftDue, `${BIRTHDAY_GREETING_STREAM_TYPE}-${memberId}-`],
  );
}
