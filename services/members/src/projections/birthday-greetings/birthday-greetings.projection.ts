import type { Projection, RecordedEvent, SqlTx } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { BirthdayGreetingEvent } from '../../birthday-greeting/birthday-greeting.events.js';
import { birthdayGreetingLifecycle } from '../../birthday-greeting/birthday-greeting.lifecycle.js';
import type { BirthdayGreetingStatus } from '../../birthday-greeting/birthday-greeting.state.js';
import type { MemberClosed } from '../../member/member.events.js';

const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * The birthday work list: per member and year, card, gift card and VIP call with their states.
 * A member's closure clears the birthday and the gift's due instant (with the birth year-month
 * kept for the analyses they would give the birth date back); the month stays, from the year-month
 * the closure carries, so the list still counts the greeting. A replay after the closure reads
 * those values erased and ends in the same rows.
 */
export const birthdayGreetingsProjection: Projection<OrmTx> = {
  id: 'projection:birthday-greetings:v1',
  handles: ['BirthdayGreetingPlanned', 'BirthdayGreetingWithheld', 'BirthdayGiftDue', 'BirthdayCardSent', 'BirthdayGiftCardIssued', 'BirthdayCallRecorded', 'MemberClosed'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      if (recorded.type === 'MemberClosed') {
        await anonymiseGreetingsOf(tx, recorded.data as MemberClosed['data']);
        continue;
      }
      const event = { type: recorded.type, data: recorded.data } as BirthdayGreetingEvent;
      const version = recorded.streamVersion;
      if (event.type === 'BirthdayGreetingPlanned' || event.type === 'BirthdayGreetingWithheld') {
        const d = event.data;
        const planned = event.type === 'BirthdayGreetingPlanned' ? event.data : null;
        await tx.query(
          `insert into birthday_greeting_v1 (greeting_id, member_id, store_id, year, month, birthday, tier, call_on_the_day, status, gift_due_at, version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (greeting_id) do nothing`,
          [d.greetingId, d.memberId, d.storeId, d.year, isDate(d.birthday) ? d.birthday.slice(0, 7) : null, isDate(d.birthday) ? d.birthday : null,
            planned?.tier ?? null, planned?.callOnTheDay ?? false, birthdayGreetingLifecycle.statusAfter(event, undefined),
            isDate(planned?.giftDueAt) ? planned.giftDueAt : null, version],
        );
        continue;
      }
      const greetingId = recorded.streamId.slice('birthday-greeting-'.length);
      const rows = await tx.query<{ status: BirthdayGreetingStatus; version: number }>('select status, version from birthday_greeting_v1 where greeting_id = $1', [greetingId]);
      if (!rows.length || rows[0].version >= version) continue;
      const status = birthdayGreetingLifecycle.statusAfter(event, rows[0].status);
      const extra: Record<string, unknown> = {};
      if (event.type === 'BirthdayCardSent') Object.assign(extra, { card_sent_at: event.data.at, card_channel: event.data.channel });
      if (event.type === 'BirthdayGiftCardIssued') extra.gift_card_issuance_id = event.data.issuanceId;
      if (event.type === 'BirthdayCallRecorded') extra.call_outcome = event.data.outcome;
      const sets = { status, version, ...extra };
      const columns = Object.keys(sets);
      await tx.query(`update birthday_greeting_v1 set ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} where greeting_id = $1`, [
        greetingId,
        ...columns.map((c) => (sets as Record<string, unknown>)[c]),
      ]);
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from birthday_greeting_v1');
  },
};

/** A closed member's greetings keep their month (from the year-month the closure carries), not the day. */
export async function anonymiseGreetingsOf(tx: SqlTx, closed: Pick<MemberClosed['data'], 'memberId' | 'birthYearMonth'>): Promise<void> {
  await tx.query(
    `update birthday_greeting_v1 set birthday = null, gift_due_at = null,
       month = coalesce(year || '-' || substr($2::text, 6, 2), month) where member_id = $1`,
    [closed.memberId, closed.birthYearMonth ?? null],
  );
}
