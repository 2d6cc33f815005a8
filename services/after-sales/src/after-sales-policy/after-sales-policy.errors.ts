import { DomainError } from '@cs/eventstore';

export const AfterSalesPolicyErrorCodes = {
  INVALID_TRANSITION: 'AFTER_SALES_POLICY_INVALID_TRANSITION',
  FORBIDDEN: 'AFTER_SALES_POLICY_FORBIDDEN',
  INVALID_POLICY: 'INVALID_AFTER_SALES_POLICY',
  NOT_FOUND: 'AFTER_SALES_POLICY_NOT_FOUND',
} as const;

const C = AfterSalesPolicyErrorCodes;

export const policyForbidden = (role: string) =>
  new DomainError(C.FORBIDDEN, `The role ${role} may not change the after-sales terms`, 'forbidden', { role });

export const invalidPolicy = (field: string, message: string) => new DomainError(C.INVALID_POLICY, `${field} ${message}`, 'rule', { field });

export const policyNotFound = (policyId: string) => new DomainError(C.NOT_FOUND, `No after-sales policy ${policyId}`, 'not_found', { policyId });
