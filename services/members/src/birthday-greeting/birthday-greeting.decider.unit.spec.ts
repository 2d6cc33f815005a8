import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';
import type { BirthdayGreetingCommand } from './birthday-greeting.commands.js';
import { birthdayGreetingDecider, birthdayGreetingStreamId } from './birthday-greeting.decider.js';
import type { BirthdayGreetingEvent } from './birthday-greeting.events.js';
import { greetingIdFor } from './birthday-greeting.values.js';

const spec = DeciderSpecification(birthdayGreetingDecider);
const RUN = '2026-04-30T16:00:00.000Z';
const system = { id: 'system', role: 'system' };
const agent = { id: 'agent-1', role: 'hq_agent' };
const RULES = { revision: 2, rules: DEFAULT_LOYALTY_RULES };

type Cmd<T extends BirthdayGreetingCommand['type']> = Extract<BirthdayGreetingCommand, { type: T }>;
const cmd = <T extends BirthdayGreetingCommand['type']>(type: T, extra: Partial<Omit<Cmd<T>, 'type'>> = {}): Cmd<T> =>
  ({ type, greetingId: 'm-1-2026', now: RUN, actor: agent, ...extra }) as unknown as Cmd<T>;

const plan = (extra: Partial<Cmd<'PlanBirthdayGreeting'>> = {}) =>
  cmd('PlanBirthdayGreeting', {
    memberId: 'm-1',
    storeId: 's1',
    year: 2026,
    birthDate: '1990-05-17',
    tier: 'vip',
    vip: true,
    profileComplete: true,
    rules: RULES,
    actor: system,
    ...extra,
  });

const planned = (callOnTheDay = true): BirthdayGreetingEvent => ({
  type: 'BirthdayGreetingPlanned',
  data: {
    greetingId: 'm-1-2026',
    memberId: 'm-1',
    storeId: 's1',
    year: 2026,
    birthday: '2026-05-17',
    tier: callOnTheDay ? 'vip' : 'gold',
    callOnTheDay,
    giftDueAt: '2026-05-09T16:00:00.000Z',
    callFrom: '2026-05-16T16:00:00.000Z',
    rulesRevision: 2,
    at: RUN,
    by: system.id,
  },
});
const due: BirthdayGreetingEvent = { type: 'BirthdayGiftDue', data: { dueAt: '2026-05-09T16:00:00.000Z', at: '2026-05-09T16:00:00.000Z', by: system.id } };
const card = (completes = false): BirthdayGreetingEvent => ({ type: 'BirthdayCardSent', data: { channel: 'post', completes, at: RUN, by: agent.id } });
const giftCard = (completes = false): BirthdayGreetingEvent => ({ type: 'BirthdayGiftCardIssued', data: { issuanceId: 'I1', completes, at: RUN, by: agent.id } });

describe('BirthdayGreeting', () => {
  it('should keep one stream per member and year', () => {
    expect(birthdayGreetingStreamId(greetingIdFor('m-1', 2026))).toBe('birthday-greeting-m-1-2026');
  });

  describe('when the monthly run plans a birthday', () => {
    it('should make the card and gift card due the lead time before, at local midnight, and the VIP call on the day', () => {
      spec.given([]).when(plan()).then([planned()]);
    });

    it('should plan no call for a non-VIP tier', () => {
      spec.given([]).when(plan({ tier: 'gold', vip: false })).then([planned(false)]);
    });

    it('should withhold the gift while the record needs a supplement', () => {
      spec
        .given([])
        .when(plan({ profileComplete: false }))
        .then([
          {
            type: 'BirthdayGreetingWithheld',
            data: { greetingId: 'm-1-2026', memberId: 'm-1', storeId: 's1', year: 2026, birthday: '2026-05-17', reason: 'profile_incomplete', at: RUN, by: system.id },
          },
        ]);
    });

    it('should refuse a second plan and a malformed birth date', () => {
      spec.given([planned()]).when(plan()).thenThrows(DomainError, 'BIRTHDAY_GREETING_ALREADY_EXISTS');
      spec.given([]).when(plan({ birthDate: '1990-5-17' })).thenThrows(DomainError, 'INVALID_BIRTH_DATE');
    });

    it('should refuse anything on an unknown greeting', () => {
      spec.given([]).when(cmd('RecordBirthdayCardSent', { channel: 'post' })).thenThrows(DomainError, 'BIRTHDAY_GREETING_NOT_FOUND');
    });
  });

  describe('when the gift falls due', () => {
    it('should announce it at its instant, not before, and once', () => {
      spec.given([planned()]).when(cmd('MarkBirthdayGiftDue', { now: '2026-05-09T15:59:59.999Z', actor: system })).thenNothingHappens();
      spec.given([planned()]).when(cmd('MarkBirthdayGiftDue', { now: '2026-05-09T16:00:00.000Z', actor: system })).then([due]);
      spec.given([planned(), due]).when(cmd('MarkBirthdayGiftDue', { now: '2026-05-10T00:00:00.000Z', actor: system })).thenNothingHappens();
    });

    it('should announce nothing once the member was closed (its dates read erased)', () => {
      const erased = planned();
      const shredded = { ...erased, data: { ...erased.data, birthday: '[erased]', giftDueAt: '[erased]', callFrom: '[erased]' } } as BirthdayGreetingEvent;
      spec.given([shredded]).when(cmd('MarkBirthdayGiftDue', { now: '2026-05-10T00:00:00.000Z', actor: system })).thenNothingHappens();
    });

    it('should never announce a withheld gift', () => {
      spec.given([{ type: 'BirthdayGreetingWithheld', data: { greetingId: 'm-1-2026', memberId: 'm-1', storeId: 's1', year: 2026, birthday: '2026-05-17', reason: 'profile_incomplete', at: RUN, by: system.id } }])
        .when(cmd('MarkBirthdayGiftDue', { now: '2026-05-10T00:00:00.000Z' }))
        .thenNothingHappens();
    });
  });

  describe('when the card, gift card and call are recorded', () => {
    it('should complete a non-VIP greeting with the card and the gift card', () => {
      spec.given([planned(false), due]).when(cmd('RecordBirthdayCardSent', { channel: 'post' })).then([card()]);
      spec.given([planned(false), due, card()]).when(cmd('RecordBirthdayGiftCardIssued', { issuanceId: 'I1' })).then([giftCard(true)]);
    });

    it('should wait for the VIP call to complete, and take it only from the birthday on', () => {
      spec.given([planned(), due, card()]).when(cmd('RecordBirthdayGiftCardIssued', { issuanceId: 'I1' })).then([giftCard(false)]);
      spec.given([planned(), due, card(), giftCard()]).when(cmd('RecordBirthdayCall', { outcome: 'reached', now: '2026-05-16T15:59:59.000Z' })).thenThrows(DomainError, 'BIRTHDAY_CALL_BEFORE_BIRTHDAY');
      spec
        .given([planned(), due, card(), giftCard()])
        .when(cmd('RecordBirthdayCall', { outcome: 'reached', now: '2026-05-17T02:00:00.000Z' }))
        .then([{ type: 'BirthdayCallRecorded', data: { outcome: 'reached', completes: true, at: '2026-05-17T02:00:00.000Z', by: agent.id } }]);
    });

    it('should keep the greeting open after an unanswered call', () => {
      spec
        .given([planned(), due, card(), giftCard()])
        .when(cmd('RecordBirthdayCall', { outcome: 'no_answer', now: '2026-05-17T02:00:00.000Z' }))
        .then([{ type: 'BirthdayCallRecorded', data: { outcome: 'no_answer', completes: false, at: '2026-05-17T02:00:00.000Z', by: agent.id } }]);
    });

    it('should refuse a call for a non-VIP member', () => {
      spec.given([planned(false)]).when(cmd('RecordBirthdayCall', { outcome: 'reached', now: '2026-05-17T02:00:00.000Z' })).thenThrows(DomainError, 'BIRTHDAY_CALL_NOT_DUE');
    });

    it('should ignore repeats and refuse a second gift card', () => {
      spec.given([planned(), card()]).when(cmd('RecordBirthdayCardSent', { channel: 'sms' })).thenNothingHappens();
      spec.given([planned(), giftCard()]).when(cmd('RecordBirthdayGiftCardIssued', { issuanceId: 'I1' })).thenNothingHappens();
      spec.given([planned(), giftCard()]).when(cmd('RecordBirthdayGiftCardIssued', { issuanceId: 'I2' })).thenThrows(DomainError, 'BIRTHDAY_GIFT_CARD_CONFLICT');
    });

    it('should refuse records on a completed greeting', () => {
      spec.given([planned(false), card(), giftCard(true)]).when(cmd('RecordBirthdayCardSent', { channel: 'post' })).thenThrows(DomainError, 'BIRTHDAY_GREETING_INVALID_TRANSITION');
    });
  });
});
