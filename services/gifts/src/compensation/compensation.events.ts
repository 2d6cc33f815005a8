import type { Event } from '@cs/eventstore';

interface Stamp {
  at: string;
  by: string;
}

export type CompensationGranted = Event<
  'CompensationGranted',
  { complaintId: string; solutionNo: number; storeId: string; memberId?: string; sku?: string; quantity: number; grantedAt: string } & Stamp
>;
/** `allFulfilled`: no grant of the complaint is left open after this one. */
export type CompensationFulfilled = Event<'CompensationFulfilled', { solutionNo: number; issuanceId: string; sku: string; quantity: number; allFulfilled: boolean } & Stamp>;
/** The gift was given back (issuance reversed): the grant is open again for a re-issue. */
export type CompensationReopened = Event<'CompensationReopened', { solutionNo: number; issuanceId: string } & Stamp>;

export type CompensationEvent = CompensationGranted | CompensationFulfilled | CompensationReopened;
