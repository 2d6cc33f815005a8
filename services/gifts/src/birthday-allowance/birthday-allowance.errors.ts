import { DomainError } from '@cs/eventstore';

export const BirthdayAllowanceErrorCodes = {
  ALREADY_ISSUED: 'BIRTHDAY_GIFT_ALREADY_ISSUED',
} as const;

/** One birthday gift per member per calendar year (§1.6.4). */
export const birthdayGiftAlreadyIssued = () =>
  new DomainError(BirthdayAllowanceErrorCodes.ALREADY_ISSUED, 'The member already had a birthday gift this year', 'rule');
