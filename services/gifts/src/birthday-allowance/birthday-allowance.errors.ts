import { DomainError } from '@cs/eventstore';

export const BirthdayAllowanceErrorCodes = {
  ALREADY_ISSUED: 'BIRTHDAY_GIFT_ALREADY_ISSUED',
} as const;

export const birthdayGiftAlreadyIssued = (memberId: string, year: number, issuanceId?: string) =>
  new DomainError(BirthdayAllowanceErrorCodes.ALREADY_ISSUED, `Member ${memberId} already had a birthday gift in ${year}`, 'rule', {
    memberId,
    year,
    issuanceId,
  });
