import { DomainError } from '@cs/eventstore';

export const BirthdayGreetingErrorCodes = {
  NOT_FOUND: 'BIRTHDAY_GREETING_NOT_FOUND',
  ALREADY_EXISTS: 'BIRTHDAY_GREETING_ALREADY_EXISTS',
  INVALID_TRANSITION: 'BIRTHDAY_GREETING_INVALID_TRANSITION',
  INVALID_BIRTH_DATE: 'INVALID_BIRTH_DATE',
  CALL_NOT_DUE: 'BIRTHDAY_CALL_NOT_DUE',
  CALL_BEFORE_BIRTHDAY: 'BIRTHDAY_CALL_BEFORE_BIRTHDAY',
  GIFT_CARD_CONFLICT: 'BIRTHDAY_GIFT_CARD_CONFLICT',
} as const;

const E = BirthdayGreetingErrorCodes;

export const greetingNotFound = (greetingId: string) =>
  new DomainError(E.NOT_FOUND, `No birthday greeting ${greetingId}`, 'not_found', { greetingId });

export const greetingAlreadyExists = (greetingId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Birthday greeting ${greetingId} is already planned`, 'conflict', { greetingId });

export const invalidBirthDate = () => new DomainError(E.INVALID_BIRTH_DATE, 'birthDate must be YYYY-MM-DD', 'rule', { field: 'birthDate' });

export const callNotDue = () => new DomainError(E.CALL_NOT_DUE, 'Only VIP-tier members get a birthday call', 'rule');

export const callBeforeBirthday = (birthday: string) =>
  new DomainError(E.CALL_BEFORE_BIRTHDAY, `The birthday call is on ${birthday}`, 'rule', { birthday });

export const giftCardConflict = (issuanceId: string) =>
  new DomainError(E.GIFT_CARD_CONFLICT, `The birthday gift card was already issued as ${issuanceId}`, 'conflict', { issuanceId });
