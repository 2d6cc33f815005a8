import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { IsInstant, MAX_AMOUNT_FEN } from '../validators.js';
import {
  AFTER_SALES_REPORTERS,
  AFTER_SALES_SERVICE_MODES,
  AFTER_SALES_TYPES,
  type AfterSalesReporterValue,
  type AfterSalesServiceModeValue,
  type AfterSalesTypeValue,
} from './after-sales-vocabulary.js';

export const afterSalesCompletedV1 = {
  type: 'after-sales.AfterSalesCompleted',
  version: 1,
  subject: 'after-sales.evt.AfterSalesCompleted.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * A return, exchange or repair is done: call-backs schedule the 售后回访 at `callbackDueAt`; a
 * linked complaint may be resolved; a dealer or property-manager reporter is told (R72).
 */
export class AfterSalesCompletedV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsIn(AFTER_SALES_TYPES) type: AfterSalesTypeValue;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) linkedComplaintId?: string;
  @IsInstant() completedAt: string;
  @IsInstant() callbackDueAt: string;
  /** Returns: all refunds; repairs: what the customer paid. Fen. */
  @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) amount: number;
  @IsOptional() @IsIn(AFTER_SALES_SERVICE_MODES) serviceMode?: AfterSalesServiceModeValue;
  @IsOptional() @IsIn(AFTER_SALES_REPORTERS) reportedBy?: AfterSalesReporterValue;
  @IsBoolean() notifyReporter: boolean;
}

export const afterSalesCompletedV1Example: AfterSalesCompletedV1 = {
  requestId: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  type: 'repair',
  storeId: 'store-sh-012',
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  completedAt: '2026-06-05T08:00:00.000Z',
  callbackDueAt: '2026-06-08T08:00:00.000Z',
  amount: 0,
  serviceMode: 'carry_in',
  reportedBy: 'property_manager',
  notifyReporter: true,
};
