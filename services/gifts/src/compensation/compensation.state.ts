import type { CompensationGrant } from './compensation.values.js';

export type CompensationStatus = 'pending' | 'fulfilled';

export interface Compensation {
  status: CompensationStatus;
  complaintId: string;
  grants: CompensationGrant[];
}

export type CompensationState = Compensation | null;

export const initialCompensationState = (): CompensationState => null;
