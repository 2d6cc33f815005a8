import { DomainError } from '@cs/eventstore';
import type { ComplaintStatus } from './complaint.values.js';

/** Stable error codes of the complaint aggregate. */
export const ComplaintErrorCodes = {
  NOT_FOUND: 'COMPLAINT_NOT_FOUND',
  ALREADY_EXISTS: 'COMPLAINT_ALREADY_EXISTS',
  CLOSED: 'COMPLAINT_CLOSED',
  INVALID_TRANSITION: 'COMPLAINT_INVALID_TRANSITION',
  NOT_CLASSIFIED: 'COMPLAINT_NOT_CLASSIFIED',
  NOT_ASSIGNED: 'COMPLAINT_NOT_ASSIGNED',
  NOT_ASSIGNEE: 'COMPLAINT_NOT_ASSIGNEE',
  CANNOT_RESOLVE: 'COMPLAINT_CANNOT_RESOLVE',
  NOT_RESOLVED: 'COMPLAINT_NOT_RESOLVED',
  CANNOT_REOPEN: 'COMPLAINT_CANNOT_REOPEN',
  CUSTOMER_INFO_REQUIRED: 'CUSTOMER_INFO_REQUIRED',
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  UNKNOWN_CATEGORY: 'UNKNOWN_CATEGORY',
  FIRST_RESPONSE_ALREADY_SENT: 'FIRST_RESPONSE_ALREADY_SENT',
  ESCALATION_NOT_UPWARD: 'ESCALATION_NOT_UPWARD',
  SOLUTION_NOT_PENDING: 'SOLUTION_NOT_PENDING',
  INVALID_COMPENSATION: 'INVALID_COMPENSATION',
  INVALID_SATISFACTION: 'INVALID_SATISFACTION',
  INVALID_CALLBACK_OUTCOME: 'INVALID_CALLBACK_OUTCOME',
  DUPLICATE_OF_REQUIRED: 'DUPLICATE_OF_REQUIRED',
  ABOVE_AUTHORITY: 'COMPENSATION_ABOVE_AUTHORITY',
  PROMISE_OPEN: 'COMPLAINT_PROMISE_OPEN',
  PROMISE_NOT_FOUND: 'PROMISE_NOT_FOUND',
  INVALID_PROMISE: 'INVALID_PROMISE',
  CALLBACK_NOT_SETTLED: 'COMPLAINT_CALLBACK_NOT_SETTLED',
  MERGED: 'COMPLAINT_MERGED',
  NOT_MERGED: 'COMPLAINT_NOT_MERGED',
  INVALID_MERGE: 'INVALID_MERGE',
  COMPENSATION_NOT_GRANTED: 'COMPENSATION_NOT_GRANTED',
} as const;
export type ComplaintErrorCode = (typeof ComplaintErrorCodes)[keyof typeof ComplaintErrorCodes];

const C = ComplaintErrorCodes;

export const complaintNotFound = (id: string) =>
  new DomainError(C.NOT_FOUND, `Complaint ${id} does not exist`, 'not_found', { complaintId: id });

export const complaintAlreadyExists = (id: string) =>
  new DomainError(C.ALREADY_EXISTS, `Complaint ${id} already exists`, 'conflict', { complaintId: id });

export const complaintClosed = (id: string, status: ComplaintStatus) =>
  new DomainError(C.CLOSED, `Complaint ${id} is ${status}`, 'conflict', { complaintId: id, status });

/** The lifecycle's refusal of a command in a status where it may not run. */
export const invalidTransition = (action: string, status: ComplaintStatus) =>
  new DomainError(C.INVALID_TRANSITION, `${action} is not allowed while the complaint is ${status}`, 'conflict', {
    action,
    status,
  });

export const notClassified = () =>
  new DomainError(C.NOT_CLASSIFIED, 'The complaint must be classified before it is assigned', 'conflict');

export const notAssigned = () => new DomainError(C.NOT_ASSIGNED, 'The complaint has no assignee yet', 'conflict');

export const notAssignee = (actorId: string) =>
  new DomainError(C.NOT_ASSIGNEE, 'Only the assignee or a manager may do this', 'forbidden', { actorId });

export const cannotResolve = (status: ComplaintStatus) =>
  new DomainError(C.CANNOT_RESOLVE, `Only a complaint with an accepted solution can be resolved (it is ${status})`, 'conflict', {
    status,
  });

export const notResolved = (status: ComplaintStatus) =>
  new DomainError(C.NOT_RESOLVED, `Only a resolved complaint can be closed (it is ${status})`, 'conflict', { status });

export const cannotReopen = (status: ComplaintStatus) =>
  new DomainError(C.CANNOT_REOPEN, `Only a resolved or closed complaint can be reopened (it is ${status})`, 'conflict', {
    status,
  });

export const customerInfoRequired = () =>
  new DomainError(C.CUSTOMER_INFO_REQUIRED, 'A member id, or the customer name and mobile, is required (R13)', 'rule');

export const fieldRequired = (field: string) =>
  new DomainError(C.FIELD_REQUIRED, `${field} is required`, 'rule', { field });

export const unknownCategory = (category: string) =>
  new DomainError(C.UNKNOWN_CATEGORY, `Unknown complaint category ${category}`, 'rule', { category });

export const firstResponseAlreadySent = () =>
  new DomainError(C.FIRST_RESPONSE_ALREADY_SENT, 'The first response was already sent', 'conflict');

export const escalationNotUpward = (from: string, to: string) =>
  new DomainError(C.ESCALATION_NOT_UPWARD, `Cannot escalate from ${from} to ${to}`, 'rule', { fromLevel: from, toLevel: to });

/** Without a number: no proposal awaits the customer's answer at all. */
export const solutionNotPending = (solutionNo?: number) =>
  solutionNo === undefined
    ? new DomainError(C.SOLUTION_NOT_PENDING, 'No solution awaits the customer’s answer', 'conflict')
    : new DomainError(C.SOLUTION_NOT_PENDING, `Solution ${solutionNo} is not the pending proposal`, 'conflict', { solutionNo });

export const invalidCompensation = (message: string) => new DomainError(C.INVALID_COMPENSATION, message, 'rule');

export const invalidSatisfaction = (value: number) =>
  new DomainError(C.INVALID_SATISFACTION, 'Satisfaction must be an integer from 1 to 5', 'rule', { satisfaction: value });

export const invalidCallbackOutcome = (outcome: string) =>
  new DomainError(C.INVALID_CALLBACK_OUTCOME, `Unknown call-back outcome ${outcome}; an unsatisfied customer means reopening`, 'rule', {
    callbackOutcome: outcome,
  });

export const duplicateOfRequired = () =>
  new DomainError(
    C.DUPLICATE_OF_REQUIRED,
    'A duplicate must name the complaint it duplicates (and not itself)',
    'rule',
  );

export const aboveAuthority = (level: string, amount: number, limit: number) =>
  new DomainError(
    C.ABOVE_AUTHORITY,
    `A compensation of ${amount} fen is above what ${level} may grant (${limit} fen): escalate first`,
    'forbidden',
    { level, amount, limit },
  );

export const promiseOpen = (promiseNos: number[]) =>
  new DomainError(C.PROMISE_OPEN, `Promise(s) ${promiseNos.join(', ')} made to the customer are not kept yet`, 'conflict', {
    promiseNos,
  });

export const promiseNotFound = (promiseNo: number) =>
  new DomainError(C.PROMISE_NOT_FOUND, `No open promise ${promiseNo} on an accepted solution`, 'not_found', { promiseNo });

export const invalidPromise = (message: string) => new DomainError(C.INVALID_PROMISE, message, 'rule');

export const callbackNotSettled = (callbackState: string) =>
  new DomainError(
    C.CALLBACK_NOT_SETTLED,
    `The complaint call-back is ${callbackState}: a case closes once it is completed, declined by the customer or the customer is unreachable (R23)`,
    'conflict',
    { callbackState },
  );

export const complaintMerged = (id: string, intoComplaintId: string) =>
  new DomainError(C.MERGED, `Complaint ${id} is merged into ${intoComplaintId}: work on that case or unmerge it`, 'conflict', {
    complaintId: id,
    intoComplaintId,
  });

export const complaintNotMerged = (id: string) =>
  new DomainError(C.NOT_MERGED, `Complaint ${id} is not merged into another case`, 'conflict', { complaintId: id });

export const invalidMerge = (message: string) => new DomainError(C.INVALID_MERGE, message, 'rule');

export const compensationNotGranted = (id: string, source: string, kinds: readonly string[]) =>
  new DomainError(
    C.COMPENSATION_NOT_GRANTED,
    `Complaint ${id} has no granted compensation that ${source} fulfils (${kinds.join(', ')})`,
    'rule',
    { complaintId: id, source },
  );
