import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../../validators.js';
import { BooleanString, IntegerString } from '../../transforms.js';
import {
  GIFT_ENTITLEMENT_STATUSES,
  GIFT_ISSUANCE_REASONS,
  GIFT_PERIOD_PATTERN,
  GIFT_REQUEST_STATUSES,
  GIFT_SKU_PATTERN,
  PROCUREMENT_PLAN_STATUSES,
  STOCKTAKE_STATUSES,
  type GiftEntitlementStatusValue,
  type GiftIssuanceReasonValue,
  type GiftRequestStatusValue,
  type ProcurementPlanStatusValue,
  type StocktakeStatusValue,
} from '../gift-vocabulary.js';
import { skuMessage } from './shared.js';

const periodMessage = { message: '$property must be a period YYYY-MM' };

/** Paging shared by every list: `?limit=&cursor=`. */
export class GiftsPageQuery {
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @Length(1, 500) cursor?: string;
}

export class GetGiftQuery {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) giftSku: string;
  @IsOptional() @IsInstant() asOf?: string;
}
export class GiftHistoryQuery {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) giftSku: string;
}
export class ListGiftsQuery extends GiftsPageQuery {
  @IsOptional() @BooleanString() @IsBoolean() active?: boolean;
}

/** `GET /v1/gift-stock?locationId=`: one row per location and SKU. */
export class ListGiftStockQuery extends GiftsPageQuery {
  @IsOptional() @IsString() @Length(1, 64) locationId?: string;
  @IsOptional() @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku?: string;
  /** Only rows below the minimum. */
  @IsOptional() @BooleanString() @IsBoolean() low?: boolean;
}

/** `GET /v1/gift-stock/{locationId}/{sku}/history`: the ledger's movements. */
export class StockHistoryQuery {
  @IsString() @Length(1, 64) locationId: string;
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
}

export class GetProcurementPlanQuery {
  @IsString() @Length(1, 64) planId: string;
  @IsOptional() @IsInstant() asOf?: string;
}
export class ProcurementPlanHistoryQuery {
  @IsString() @Length(1, 64) planId: string;
}
export class ListProcurementPlansQuery extends GiftsPageQuery {
  @IsOptional() @IsIn(PROCUREMENT_PLAN_STATUSES) status?: ProcurementPlanStatusValue;
  @IsOptional() @IsString() @Matches(GIFT_PERIOD_PATTERN, periodMessage) period?: string;
}

export class GetGiftRequestQuery {
  @IsString() @Length(1, 64) requestId: string;
  @IsOptional() @IsInstant() asOf?: string;
}
export class GiftRequestHistoryQuery {
  @IsString() @Length(1, 64) requestId: string;
}
export class ListGiftRequestsQuery extends GiftsPageQuery {
  @IsOptional() @IsIn(GIFT_REQUEST_STATUSES) status?: GiftRequestStatusValue;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
}

export class GetIssuanceQuery {
  @IsString() @Length(1, 64) issuanceId: string;
  @IsOptional() @IsInstant() asOf?: string;
}
export class IssuanceHistoryQuery {
  @IsString() @Length(1, 64) issuanceId: string;
}
/** `GET /v1/gift-issuances?locationId=&reason=&from=&to=`: the register, newest first. */
export class ListIssuancesQuery extends GiftsPageQuery {
  @IsOptional() @IsString() @Length(1, 64) locationId?: string;
  @IsOptional() @IsIn(GIFT_ISSUANCE_REASONS) reason?: GiftIssuanceReasonValue;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsInstant() from?: string;
  @IsOptional() @IsInstant() to?: string;
}

export class GetEntitlementQuery {
  @IsString() @Length(1, 64) entitlementId: string;
  @IsOptional() @IsInstant() asOf?: string;
}
export class EntitlementHistoryQuery {
  @IsString() @Length(1, 64) entitlementId: string;
}
export class ListEntitlementsQuery extends GiftsPageQuery {
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsIn(GIFT_ENTITLEMENT_STATUSES) status?: GiftEntitlementStatusValue;
}

export class GetStocktakeQuery {
  @IsString() @Length(1, 64) stocktakeId: string;
  @IsOptional() @IsInstant() asOf?: string;
}
export class StocktakeHistoryQuery {
  @IsString() @Length(1, 64) stocktakeId: string;
}
export class ListStocktakesQuery extends GiftsPageQuery {
  @IsOptional() @IsString() @Length(1, 64) locationId?: string;
  @IsOptional() @IsString() @Matches(GIFT_PERIOD_PATTERN, periodMessage) period?: string;
  @IsOptional() @IsIn(STOCKTAKE_STATUSES) status?: StocktakeStatusValue;
}
/** `GET /v1/stocktakes/summary?period=` (盘点汇总表): per store, region and chain. */
export class StocktakeSummaryQuery {
  @IsString() @Matches(GIFT_PERIOD_PATTERN, periodMessage) period: string;
  @IsOptional() @IsString() @Length(1, 64) regionId?: string;
}
/** `GET /v1/stocktakes/watch-list?period=`: stores with variances in this period and the one before. */
export class StocktakeWatchListQuery {
  @IsString() @Matches(GIFT_PERIOD_PATTERN, periodMessage) period: string;
}
