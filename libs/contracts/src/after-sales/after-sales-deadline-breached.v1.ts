import { IsIn, IsString, Length } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import { IsInstant } from '../validators.js';
import { AFTER_SALES_CLOCKS, type AfterSalesClockValue } from './after-sales-vocabulary.js';

export const afterSalesDeadlineBreachedV1 = {
  type: 'after-sales.AfterSalesDeadlineBreached',
  version: 1,
  subject: 'after-sales.evt.AfterSalesDeadlineBreached.v1',
} as const satisfies IntegrationEventDescriptor;

/** A repair missed its on-site visit (R68) or its turnaround (R69). */
export class AfterSalesDeadlineBreachedV1 {
  @IsString() @Length(1, 64) requestId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(AFTER_SALES_CLOCKS) clock: AfterSalesClockValue;
  @IsInstant() dueAt: string;
  @IsInstant() breachedAt: string;
}

export const afterSalesDeadlineBreachedV1Example: AfterSalesDeadlineBreachedV1 = {
  requestId: '7d1f3c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
  storeId: 'store-sh-012',
  clock: 'turnaround',
  dueAt: '2026-06-09T02:00:00.000Z',
  breachedAt: '2026-06-09T02:00:00.000Z',
};
