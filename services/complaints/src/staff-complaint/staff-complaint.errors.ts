import { DomainError } from '@cs/eventstore';

export const StaffComplaintErrorCodes = {
  NOT_FOUND: 'STAFF_COMPLAINT_NOT_FOUND',
  ALREADY_EXISTS: 'STAFF_COMPLAINT_ALREADY_EXISTS',
  FIELD_REQUIRED: 'STAFF_COMPLAINT_FIELD_REQUIRED',
  CUSTOMER_INFO_REQUIRED: 'STAFF_COMPLAINT_CUSTOMER_INFO_REQUIRED',
  UNKNOWN_VALUE: 'STAFF_COMPLAINT_UNKNOWN_VALUE',
  NOT_TEAM_LEAD: 'STAFF_COMPLAINT_NOT_TEAM_LEAD',
  NOT_QA: 'STAFF_COMPLAINT_NOT_QA',
  INVALID_SCORE: 'STAFF_COMPLAINT_INVALID_SCORE',
} as const;

const E = StaffComplaintErrorCodes;

export const staffComplaintNotFound = (id: string) =>
  new DomainError(E.NOT_FOUND, `Staff complaint ${id} does not exist`, 'not_found', { staffComplaintId: id });

export const staffComplaintAlreadyExists = (id: string) =>
  new DomainError(E.ALREADY_EXISTS, `Staff complaint ${id} already exists`, 'conflict', { staffComplaintId: id });

export const staffComplaintFieldRequired = (field: string) => new DomainError(E.FIELD_REQUIRED, `${field} is required`, 'rule', { field });

export const staffComplaintCustomerRequired = () =>
  new DomainError(E.CUSTOMER_INFO_REQUIRED, 'A member id, or the customer name and mobile, is required', 'rule');

export const unknownStaffComplaintValue = (field: string, value: string) =>
  new DomainError(E.UNKNOWN_VALUE, `Unknown ${field} ${value}`, 'rule', { field, value });

export const notTeamLead = (actorId: string) =>
  new DomainError(E.NOT_TEAM_LEAD, "Only the staff member's team lead (the store's manager) records the second call", 'forbidden', { actorId });

export const notQualityAssurance = (actorId: string) =>
  new DomainError(E.NOT_QA, 'Only quality assurance upholds or dismisses a staff complaint', 'forbidden', { actorId });

export const invalidQaScore = (score: number) =>
  new DomainError(E.INVALID_SCORE, 'The QA score must be a whole number from 0 to 100', 'rule', { score });
