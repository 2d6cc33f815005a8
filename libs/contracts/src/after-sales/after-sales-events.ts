import type { IntegrationEventDescriptor } from '../envelope.js';
import { afterSalesCompletedV1 } from './after-sales-completed.v1.js';
import { afterSalesDeadlineBreachedV1 } from './after-sales-deadline-breached.v1.js';
import { afterSalesRefundIssuedV1 } from './after-sales-refund-issued.v1.js';
import { afterSalesRejectedAfterInspectionV1 } from './after-sales-rejected-after-inspection.v1.js';
import { goodsReturnedToStockV1 } from './goods-returned-to-stock.v1.js';
import { productQualityReportedV1 } from './product-quality-reported.v1.js';

/** Every integration event the after-sales service publishes. */
export const AfterSalesEvents = [
  afterSalesRefundIssuedV1,
  afterSalesCompletedV1,
  afterSalesRejectedAfterInspectionV1,
  goodsReturnedToStockV1,
  productQualityReportedV1,
  afterSalesDeadlineBreachedV1,
] as const satisfies readonly IntegrationEventDescriptor[];
