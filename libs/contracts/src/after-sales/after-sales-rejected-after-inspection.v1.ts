import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { IsInstant } from '../validators.js';
import { AFTER_SALES_TYPES, type AfterSalesTypeValue } from './after-sales-vocabulary.js';

export const afterSalesRejectedAfterInspectionV1 = {
  type: 'after-sales.AfterSalesRejectedAfterInspection',
  version: 1,
  subject: 'after-sales.evt.AfterSalesRejectedAfterInspection.v1',
} as const satisfies IntegrationEventDescriptor;

/** The goods failed inspection and go back to the customer: complaints may see a dispute coming. */
export class AfterSalesRejectedAfterInspectionV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsIn(AFTER_SALES_TYPES) type: AfterSalesTypeValue;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) linkedComplaintId?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) failedConditions: string[];
  @IsOptional() @IsString() @Length(1, 2000) notes?: string;
  @IsInstant() inspectedAt: string;
}

export const afterSalesRejectedAfterInspectionV1Example: AfterSalesRejectedAfterInspectionV1 = {
  requestId: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  type: 'return',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  failedConditions: ['worn', 'tags_removed'],
  notes: 'Visible wear on the cuffs',
  inspectedAt: '2026-06-04T02:00:00.000Z',
};
