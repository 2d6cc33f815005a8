import { IsIn, IsInt, IsOptional, IsString, Length, Min, Max } from 'class-validator';
import { IsInstant, MAX_AMOUNT_FEN } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { COMPLAINT_COMPENSATION_KINDS, type ComplaintCompensationKindValue } from './complaint-vocabulary.js';

export const complaintCompensationGrantedV1 = {
  type: 'complaints.ComplaintCompensationGranted',
  version: 1,
  subject: 'complaints.evt.ComplaintCompensationGranted.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * The customer accepted a solution with compensation (R42). GIFTS issues gifts, AFTER-SALES opens
 * exchanges, repairs and refunds. (complaintId, solutionNo) identifies the grant.
 */
export class ComplaintCompensationGrantedV1 {
  @IsString() @Length(1, 64) complaintId: string;
  @IsInt() @Min(1) solutionNo: number;
  @IsIn(COMPLAINT_COMPENSATION_KINDS) kind: ComplaintCompensationKindValue;
  /** Integer minor units (fen). */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) amount?: number;
  @IsOptional() @IsString() @Length(1, 64) giftSku?: string;
  @IsOptional() @IsInt() @Min(1) quantity?: number;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsInstant() grantedAt: string;
}

export const complaintCompensationGrantedV1Example: ComplaintCompensationGrantedV1 = {
  complaintId: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  solutionNo: 2,
  kind: 'gift',
  giftSku: 'GIFT-SCARF-01',
  quantity: 1,
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  grantedAt: '2026-01-05T08:00:00.000Z',
};
