import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { BirthdayAllowanceCommand } from './birthday-allowance.commands.js';
import { birthdayAllowanceDecider, birthdayAllowanceStreamId, birthdayKey } from './birthday-allowance.decider.js';
import type { BirthdayAllowanceEvent } from './birthday-allowance.events.js';

const spec = DeciderSpecification(birthdayAllowanceDecider);
const T = '2026-03-02T03:00:00.000Z';
const staff: GiftsActor = { id: 'staff-7', role: 'store_staff' };
const claim = (issuanceId = 'i-1'): BirthdayAllowanceCommand => ({ type: 'ClaimBirthdayGift', memberId: 'm-1', year: 2026, issuanceId, now: T, actor: staff });
const release = (issuanceId = 'i-1'): BirthdayAllowanceCommand => ({ type: 'ReleaseBirthdayGift', memberId: 'm-1', year: 2026, issuanceId, now: T, actor: staff });
const claimed = (issuanceId = 'i-1'): BirthdayAllowanceEvent => ({ type: 'BirthdayGiftClaimed', data: { memberId: 'm-1', year: 2026, issuanceId, at: T, by: staff.id } });
const released: BirthdayAllowanceEvent = { type: 'BirthdayGiftReleased', data: { issuanceId: 'i-1', at: T, by: staff.id } };

describe('BirthdayAllowance', () => {
  it('should keep one stream per member and year', () => expect(birthdayAllowanceStreamId(birthdayKey('m-1', 2026))).toBe('gift-birthday-m-1|2026'));

  it('should let the first birthday gift of the year through', () => spec.given([]).when(claim()).then([claimed()]));

  it('should refuse a second birthday gift in the same year', () => {
    spec.given([claimed()]).when(claim('i-2')).thenThrows(DomainError, 'BIRTHDAY_GIFT_ALREADY_ISSUED');
  });

  it('should release on reversal and allow a new gift', () => {
    spec.given([claimed()]).when(release()).then([released]);
    spec.given([claimed(), released]).when(claim('i-2')).then([claimed('i-2')]);
  });

  it('should ignore a release by another issuance, twice, or with nothing claimed', () => {
    spec.given([claimed()]).when(release('i-9')).thenNothingHappens();
    spec.given([claimed(), released]).when(release()).thenNothingHappens();
    spec.given([]).when(release()).thenNothingHappens();
  });
});
