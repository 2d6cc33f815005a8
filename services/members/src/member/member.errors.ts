import { DomainError } from '@cs/eventstore';
import type { MemberStatus } from './member.values.js';

/** Stable error codes of the member aggregate. */
export const MemberErrorCodes = {
  NOT_FOUND: 'MEMBER_NOT_FOUND',
  CONTACT_CHANGE_EMPTY: 'MEMBER_CONTACT_CHANGE_EMPTY',
  CONTACT_BLANK_FIELD: 'MEMBER_CONTACT_BLANK_FIELD',
  CLOSE_REASON_REQUIRED: 'MEMBER_CLOSE_REASON_REQUIRED',
  ALREADY_EXISTS: 'MEMBER_ALREADY_EXISTS',
  INVALID_TRANSITION: 'MEMBER_INVALID_TRANSITION',
  NOT_PENDING_REVIEW: 'MEMBER_NOT_PENDING_REVIEW',
  NOT_AWAITING_SUPPLEMENT: 'MEMBER_NOT_AWAITING_SUPPLEMENT',
  SUBMISSION_INCOMPLETE: 'MEMBER_SUBMISSION_INCOMPLETE',
  INCOMPLETE: 'MEMBER_INCOMPLETE',
  MEMBER_NO_REQUIRED: 'MEMBER_NO_REQUIRED',
  MISSING_FIELDS_REQUIRED: 'MEMBER_MISSING_FIELDS_REQUIRED',
  UNKNOWN_FIELD: 'MEMBER_UNKNOWN_FIELD',
  FIELD_NOT_SUPPLEMENTABLE: 'MEMBER_FIELD_NOT_SUPPLEMENTABLE',
  SUPPLEMENT_EMPTY: 'MEMBER_SUPPLEMENT_EMPTY',
  SUPPLEMENT_BLANK_FIELD: 'MEMBER_SUPPLEMENT_BLANK_FIELD',
  MOBILE_NOT_CHANGEABLE: 'MEMBER_MOBILE_NOT_CHANGEABLE',
  BIRTH_DATE_IN_FUTURE: 'MEMBER_BIRTH_DATE_IN_FUTURE',
  IDENTITY_CHECK_REQUIRED: 'MEMBER_IDENTITY_CHECK_REQUIRED',
} as const;
export type MemberErrorCode = (typeof MemberErrorCodes)[keyof typeof MemberErrorCodes];

const C = MemberErrorCodes;

export const memberNotFound = (memberId: string) =>
  new DomainError(C.NOT_FOUND, `Member ${memberId} does not exist`, 'not_found', { memberId });

export const memberAlreadyExists = (memberId: string) =>
  new DomainError(C.ALREADY_EXISTS, `Member ${memberId} already exists`, 'conflict', { memberId });

/** The lifecycle's refusal of a command in a status where it may not run. */
export const invalidTransition = (action: string, status: MemberStatus) =>
  new DomainError(C.INVALID_TRANSITION, `${action} is not allowed while the member is ${status}`, 'conflict', { action, status });

export const notPendingReview = (status: MemberStatus) =>
  new DomainError(C.NOT_PENDING_REVIEW, `The member is ${status}, not pending review`, 'conflict', { status });

export const notAwaitingSupplement = (status: MemberStatus) =>
  new DomainError(C.NOT_AWAITING_SUPPLEMENT, `The member is ${status}, not awaiting a supplement`, 'conflict', { status });

export const submissionIncomplete = (missingFields: string[]) =>
  new DomainError(C.SUBMISSION_INCOMPLETE, `The application lacks ${missingFields.join(', ')}`, 'rule', { missingFields });

export const memberIncomplete = (memberId: string, missingFields: string[]) =>
  new DomainError(C.INCOMPLETE, `Member ${memberId} is incomplete: ${missingFields.join(', ')}`, 'rule', { missingFields });

export const memberNoRequired = () => new DomainError(C.MEMBER_NO_REQUIRED, 'Approval needs an assigned member number', 'rule');

export const missingFieldsRequired = () =>
  new DomainError(C.MISSING_FIELDS_REQUIRED, 'A supplement request must name the missing fields', 'rule');

export const unknownField = (fields: string[]) =>
  new DomainError(C.UNKNOWN_FIELD, `Unknown member fields: ${fields.join(', ')}`, 'rule', { fields });

export const fieldNotSupplementable = (fields: string[]) =>
  new DomainError(C.FIELD_NOT_SUPPLEMENTABLE, `Cannot be supplemented: ${fields.join(', ')}`, 'rule', { fields });

export const supplementEmpty = () => new DomainError(C.SUPPLEMENT_EMPTY, 'A supplement must provide at least one field', 'rule');

export const supplementBlankField = (fields: string[]) =>
  new DomainError(C.SUPPLEMENT_BLANK_FIELD, `Supplemented fields are blank: ${fields.join(', ')}`, 'rule', { fields });

export const mobileNotChangeable = () =>
  new DomainError(C.MOBILE_NOT_CHANGEABLE, 'The mobile number cannot be changed by a supplement', 'rule');

export const birthDateInFuture = (birthDate: string) =>
  new DomainError(C.BIRTH_DATE_IN_FUTURE, `Birth date ${birthDate} is in the future`, 'rule', { birthDate });

export const contactChangeEmpty = () =>
  new DomainError(MemberErrorCodes.CONTACT_CHANGE_EMPTY, 'Name at least one of mobile, email and postalAddress', 'rule');

export const contactBlankField = (fields: string[]) =>
  new DomainError(MemberErrorCodes.CONTACT_BLANK_FIELD, `Blank contact fields: ${fields.join(', ')}`, 'rule', { fields });

export const closeReasonRequired = () => new DomainError(MemberErrorCodes.CLOSE_REASON_REQUIRED, 'A reason for the closure is required', 'rule', { field: 'reason' });

/** The phone desk reads a full profile only after a recent passed identity check of the caller (R103). */
export const identityCheckRequired = (memberId: string, windowMinutes: number) =>
  new DomainError(C.IDENTITY_CHECK_REQUIRED, `Check the caller's identity before showing member ${memberId} (a passed check in the last ${windowMinutes} minutes)`, 'forbidden', {
    memberId,
    windowMinutes,
  });
