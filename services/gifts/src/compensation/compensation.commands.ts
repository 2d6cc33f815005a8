import type { GiftsCommandEnvelope } from '../shared/gifts-actor.js';

/** A complaint's gift compensations: one stream per complaint. */
interface CompensationCommandBase extends GiftsCommandEnvelope {
  complaintId: string;
}

/** From ComplaintCompensationGranted (kind gift); a redelivered grant changes nothing. */
export interface RecordCompensationGrant extends CompensationCommandBase {
  type: 'RecordCompensationGrant';
  solutionNo: number;
  storeId: string;
  memberId?: string;
  sku?: string;
  quantity: number;
  grantedAt: string;
}
export interface FulfilCompensation extends CompensationCommandBase {
  type: 'FulfilCompensation';
  issuanceId: string;
  sku: string;
  quantity: number;
}
export interface ReopenCompensation extends CompensationCommandBase {
  type: 'ReopenCompensation';
  issuanceId: string;
}

export type CompensationCommand = RecordCompensationGrant | FulfilCompensation | ReopenCompensation;
