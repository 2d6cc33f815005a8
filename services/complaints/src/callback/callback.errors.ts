import { DomainError } from '@cs/eventstore';

export const CallbackErrorCodes = {
  NOT_FOUND: 'CALLBACK_NOT_FOUND',
  ALREADY_EXISTS: 'CALLBACK_ALREADY_EXISTS',
  FIELD_REQUIRED: 'CALLBACK_FIELD_REQUIRED',
  UNKNOWN_KIND: 'CALLBACK_UNKNOWN_KIND',
  INVALID_DUE_AT: 'CALLBACK_INVALID_DUE_AT',
  INVALID_MAX_ATTEMPTS: 'CALLBACK_INVALID_MAX_ATTEMPTS',
  CONTACT_REQUIRED: 'CALLBACK_CONTACT_REQUIRED',
  UNKNOWN_OUTCOME: 'CALLBACK_UNKNOWN_OUTCOME',
  INVALID_SATISFACTION: 'CALLBACK_INVALID_SATISFACTION',
  SATISFACTION_CONTRADICTS: 'CALLBACK_SATISFACTION_CONTRADICTS',
} as const;

const E = CallbackErrorCodes;

export const callbackNotFound = (callbackId: string) =>
  new DomainError(E.NOT_FOUND, `Call-back ${callbackId} does not exist`, 'not_found', { callbackId });

export const callbackAlreadyExists = (callbackId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Call-back ${callbackId} already exists`, 'conflict', { callbackId });

export const callbackFieldRequired = (field: string) => new DomainError(E.FIELD_REQUIRED, `${field} is required`, 'rule', { field });

export const unknownCallbackKind = (kind: string) => new DomainError(E.UNKNOWN_KIND, `Unknown call-back kind ${kind}`, 'rule', { kind });

export const invalidCallbackDueAt = (dueAt: string) =>
  new DomainError(E.INVALID_DUE_AT, `The due instant ${dueAt} is not an ISO-8601 instant`, 'rule', { dueAt });

export const invalidMaxAttempts = (maxAttempts: number) =>
  new DomainError(E.INVALID_MAX_ATTEMPTS, 'The attempt limit must be a whole number from 1 to 10', 'rule', { maxAttempts });

export const callbackContactRequired = () =>
  new DomainError(E.CONTACT_REQUIRED, 'A call-back needs a member id or the customer name and mobile', 'rule');

export const unknownAttemptOutcome = (outcome: string) =>
  new DomainError(E.UNKNOWN_OUTCOME, `Unknown attempt outcome ${outcome}`, 'rule', { outcome });

export const invalidCallbackSatisfaction = (satisfaction: number) =>
  new DomainError(E.INVALID_SATISFACTION, 'Satisfaction must be a whole number from 1 to 5', 'rule', { satisfaction });

export const satisfactionContradicts = (satisfaction: number, satisfied: boolean) =>
  new DomainError(
    E.SATISFACTION_CONTRADICTS,
    `A satisfaction of ${satisfaction} contradicts satisfied=${satisfied} (1–2 is unsatisfied, 4–5 satisfied)`,
    'rule',
    { satisfaction, satisfied },
  );
