import { DomainError } from '@cs/eventstore';

/** Stable error codes of the SLA policy aggregate. */
export const SlaPolicyErrorCodes = {
  NOT_FOUND: 'SLA_POLICY_NOT_FOUND',
  FORBIDDEN: 'SLA_CONFIG_FORBIDDEN',
  INVALID_TRANSITION: 'SLA_POLICY_INVALID_TRANSITION',
  INVALID_POLICY_ID: 'INVALID_SLA_POLICY_ID',
  INVALID_DURATION: 'INVALID_SLA_DURATION',
  INVALID_WARNING_RATIO: 'INVALID_SLA_WARNING_RATIO',
} as const;
export type SlaPolicyErrorCode = (typeof SlaPolicyErrorCodes)[keyof typeof SlaPolicyErrorCodes];

const C = SlaPolicyErrorCodes;

/** Neither configured nor defined. */
export const slaPolicyNotFound = (policyId: string) =>
  new DomainError(C.NOT_FOUND, `No SLA policy ${policyId}`, 'not_found', { policyId });

export const slaConfigForbidden = (role: string) =>
  new DomainError(C.FORBIDDEN, `The role ${role} may not change SLA configuration`, 'forbidden');

export const invalidTransition = (action: string, status: string | undefined) =>
  new DomainError(C.INVALID_TRANSITION, `${action} is not allowed while the SLA policy is ${status ?? 'undefined'}`, 'conflict', {
    action,
    status: status ?? null,
  });

export const invalidPolicyId = (policyId: string) =>
  new DomainError(C.INVALID_POLICY_ID, `${policyId} is not a valid policy id`, 'rule', { field: 'policyId' });

/** `field` names the offending part: `firstResponse.hours`, `resolution`, `resolution.workingDays`, … */
export const invalidDuration = (field: string, message: string) => new DomainError(C.INVALID_DURATION, message, 'rule', { field });

export const invalidWarningRatio = () =>
  new DomainError(C.INVALID_WARNING_RATIO, 'warningRatio must be between 0 and 1, both excluded', 'rule', { field: 'warningRatio' });
