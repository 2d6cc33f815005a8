import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { NestedInstances } from '../transforms.js';
import { IsInstant } from '../validators.js';
import { AfterSalesLineV1 } from './after-sales-line.dto.js';
import { AFTER_SALES_TYPES, type AfterSalesTypeValue } from './after-sales-vocabulary.js';

export const productQualityReportedV1 = {
  type: 'after-sales.ProductQualityReported',
  version: 1,
  subject: 'after-sales.evt.ProductQualityReported.v1',
} as const satisfies IntegrationEventDescriptor;

/** A quality problem reached after-sales: product-quality data for the merchandise centre (R80). */
export class ProductQualityReportedV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsIn(AFTER_SALES_TYPES) type: AfterSalesTypeValue;
  @IsString() @Length(1, 64) storeId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(AfterSalesLineV1) lines: AfterSalesLineV1[];
  /** The customer's or the technician's words: the fault, never personal data. */
  @IsString() @Length(1, 2000) problem: string;
  @IsOptional() @IsString() @Length(1, 64) orderRef?: string;
  @IsInstant() reportedAt: string;
}

export const productQualityReportedV1Example: ProductQualityReportedV1 = {
  requestId: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  type: 'return',
  storeId: 'store-sh-012',
  lines: [{ sku: 'JK-DOWN-01-M', name: 'Down jacket', quantity: 1 }],
  problem: 'Seam split after one wash',
  orderRef: 'POS-20260601-0778',
  reportedAt: '2026-06-03T02:00:00.000Z',
};
