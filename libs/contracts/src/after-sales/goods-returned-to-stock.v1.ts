import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { NestedInstances } from '../transforms.js';
import { IsInstant } from '../validators.js';
import { AfterSalesLineV1 } from './after-sales-line.dto.js';

export const goodsReturnedToStockV1 = {
  type: 'after-sales.GoodsReturnedToStock',
  version: 1,
  subject: 'after-sales.evt.GoodsReturnedToStock.v1',
} as const satisfies IntegrationEventDescriptor;

/** Returned goods passed inspection and can be re-shelved at `storeId` (归位统计库存, R67). */
export class GoodsReturnedToStockV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) orderRef?: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(AfterSalesLineV1) lines: AfterSalesLineV1[];
  @IsOptional() @IsString() @Length(1, 64) waybillNo?: string;
  @IsInstant() returnedAt: string;
}

export const goodsReturnedToStockV1Example: GoodsReturnedToStockV1 = {
  requestId: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  storeId: 'store-sh-012',
  orderRef: 'POS-20260601-0778',
  lines: [{ sku: 'JK-DOWN-01-M', name: 'Down jacket', quantity: 2 }],
  waybillNo: 'SF1234567890',
  returnedAt: '2026-06-04T02:00:00.000Z',
};
