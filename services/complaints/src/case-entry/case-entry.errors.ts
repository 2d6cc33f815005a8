import { DomainError } from '@cs/eventstore';

export const CaseEntryErrorCodes = {
  NOT_FOUND: 'CASE_ENTRY_NOT_FOUND',
  ALREADY_EXISTS: 'CASE_ENTRY_ALREADY_EXISTS',
  COMPLAINT_NOT_CLOSED: 'CASE_ENTRY_COMPLAINT_NOT_CLOSED',
  FIELD_REQUIRED: 'CASE_ENTRY_FIELD_REQUIRED',
  NOTHING_TO_REVISE: 'CASE_ENTRY_NOTHING_TO_REVISE',
  NOT_REVIEWER: 'CASE_ENTRY_NOT_REVIEWER',
} as const;

const E = CaseEntryErrorCodes;

export const caseEntryNotFound = (caseId: string) => new DomainError(E.NOT_FOUND, `Case ${caseId} does not exist`, 'not_found', { caseId });

export const caseEntryAlreadyExists = (caseId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Case ${caseId} already exists`, 'conflict', { caseId });

export const complaintNotClosedForCase = (complaintId: string) =>
  new DomainError(E.COMPLAINT_NOT_CLOSED, `Complaint ${complaintId} is not closed; only closed complaints enter the case library`, 'conflict', {
    complaintId,
  });

export const caseEntryFieldRequired = (field: string) => new DomainError(E.FIELD_REQUIRED, `${field} is required`, 'rule', { field });

export const nothingToRevise = () => new DomainError(E.NOTHING_TO_REVISE, 'A revision must change at least one field', 'rule');

export const notCaseReviewer = (actorId: string) =>
  new DomainError(E.NOT_REVIEWER, 'Only a manager publishes or retires library cases (the weekly review)', 'forbidden', { actorId });
