import { DomainError } from '@cs/eventstore';

export const MemberErrorCodes = {
  NotFound: 'MEMBER_NOT_FOUND',
  AlreadyExists: 'MEMBER_ALREADY_EXISTS',
  NotPendingReview: 'MEMBER_NOT_PENDING_REVIEW',
  NotAwaitingSupplement: 'MEMBER_NOT_AWAITING_SUPPLEMENT',
  SubmissionIncomplete: 'MEMBER_SUBMISSION_INCOMPLETE',
  Incomplete: 'MEMBER_INCOMPLETE',
  MemberNoRequired: 'MEMBER_NO_REQUIRED',
  MissingFieldsRequired: 'MEMBER_MISSING_FIELDS_REQUIRED',
  UnknownField: 'MEMBER_UNKNOWN_FIELD',
  FieldNotSupplementable: 'MEMBER_FIELD_NOT_SUPPLEMENTABLE',
  SupplementEmpty: 'MEMBER_SUPPLEMENT_EMPTY',
  SupplementBlankField: 'MEMBER_SUPPLEMENT_BLANK_FIELD',
  MobileNotChangeable: 'MEMBER_MOBILE_NOT_CHANGEABLE',
  BirthDateInFuture: 'MEMBER_BIRTH_DATE_IN_FUTURE',
} as const;

export type MemberErrorCode = (typeof MemberErrorCodes)[keyof typeof MemberErrorCodes];

export const memberNotFound = (memberId: string) =>
  new DomainError(MemberErrorCodes.NotFound, `Member ${memberId} does not exist`, 'not_found', { memberId });

export const memberRule = (code: MemberErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 'rule', details);

export const memberConflict = (code: MemberErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 'conflict', details);
