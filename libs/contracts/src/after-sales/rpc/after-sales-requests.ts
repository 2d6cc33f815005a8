import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NestedInstance, NestedInstances } from '../../transforms.js';
import { IsCalendarDate, IsInstant, MAX_AMOUNT_FEN } from '../../validators.js';
import {
  AFTER_SALES_MOBILE_PATTERN,
  AFTER_SALES_REASONS,
  AFTER_SALES_REPORTERS,
  AFTER_SALES_SERVICE_MODES,
  AFTER_SALES_TYPES,
  AFTER_SALES_WARRANTY,
  type AfterSalesReasonValue,
  type AfterSalesReporterValue,
  type AfterSalesServiceModeValue,
  type AfterSalesTypeValue,
  type AfterSalesWarrantyValue,
} from '../after-sales-vocabulary.js';

const notBlank = { message: '$property must not be blank' };
const NOT_BLANK = /\S/;
const MAX_UNITS = 100_000;

export class AfterSalesCustomerDto {
  @IsString() @Length(1, 50) @Matches(NOT_BLANK, notBlank) name: string;
  @IsString() @Matches(AFTER_SALES_MOBILE_PATTERN, { message: '$property must be an 11-digit mobile number starting with 1' }) mobile: string;
}

/** `quantity` comes back; `purchasedQuantity` is what the order line had (the first value given is kept). */
export class AfterSalesItemDto {
  @IsString() @Length(1, 64) @Matches(NOT_BLANK, notBlank) sku: string;
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, notBlank) name: string;
  @IsOptional() @IsString() @Length(1, 20) size?: string;
  @IsOptional() @IsString() @Length(1, 30) colour?: string;
  /** For the non-returnable rules of the after-sales policy; `default` when absent. */
  @IsOptional() @IsString() @Length(1, 40) category?: string;
  @IsInt() @Min(1) @Max(MAX_UNITS) quantity: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_UNITS) purchasedQuantity?: number;
  /** Fen. */
  @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) unitPrice: number;
}

const isRepair = (o: FileAfterSalesRequest) => o.type === 'repair';

/** `POST /v1/after-sales`. Either `memberId` or `customer`. */
export class FileAfterSalesRequest {
  @IsIn(AFTER_SALES_TYPES) type: AfterSalesTypeValue;
  @IsString() @Length(1, 64) storeId: string;

  @ValidateIf((o: FileAfterSalesRequest) => o.customer === undefined || o.memberId !== undefined)
  @IsString()
  @Length(1, 64)
  memberId?: string;

  @ValidateIf((o: FileAfterSalesRequest) => o.memberId === undefined || o.customer !== undefined)
  @IsDefined({ message: 'memberId or customer is required' })
  @IsObject()
  @ValidateNested()
  @NestedInstance(AfterSalesCustomerDto)
  customer?: AfterSalesCustomerDto;

  /** Store receipt (小票号) or online order number; required for returns and exchanges. */
  @ValidateIf((o: FileAfterSalesRequest) => !isRepair(o) || o.orderRef !== undefined)
  @IsString()
  @Length(1, 64)
  orderRef?: string;

  /** The local date the customer got the goods: the 7-day window counts from it. Required for returns and exchanges. */
  @ValidateIf((o: FileAfterSalesRequest) => !isRepair(o) || o.receivedAt !== undefined)
  @IsString()
  @IsCalendarDate()
  receivedAt?: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @NestedInstances(AfterSalesItemDto) items: AfterSalesItemDto[];
  @IsIn(AFTER_SALES_REASONS) reason: AfterSalesReasonValue;
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) description: string;

  /** Repairs: how the repair is delivered. */
  @ValidateIf((o: FileAfterSalesRequest) => isRepair(o) || o.serviceMode !== undefined)
  @IsIn(AFTER_SALES_SERVICE_MODES)
  serviceMode?: AfterSalesServiceModeValue;

  /** On-site repairs: the time the customer chose. */
  @IsOptional() @IsInstant() visitAt?: string;
  @IsOptional() @IsIn(AFTER_SALES_WARRANTY) warranty?: AfterSalesWarrantyValue = 'unknown';
  /** Repairs: who called it in (a dealer or property manager hears the result). */
  @IsOptional() @IsIn(AFTER_SALES_REPORTERS) reportedBy?: AfterSalesReporterValue;
  /** At the counter with the goods in hand: receipt needs no separate approval. */
  @IsOptional() @IsBoolean() goodsPresent?: boolean;
  @IsOptional() @IsString() @Length(1, 64) linkedComplaintId?: string;
}

export class ApproveAfterSalesRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class ReceiveAfterSalesGoodsRequest {
  @IsOptional() @IsBoolean() accessoriesIncluded?: boolean;
  @IsOptional() @IsBoolean() invoiceIncluded?: boolean;
  /** The return waybill (退货单号). */
  @IsOptional() @IsString() @Length(1, 64) waybillNo?: string;
}

export class IssueAfterSalesRefundRequest {
  /** Fen; all refunds of a request together never exceed what was paid for the returned lines. */
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amount: number;
  @IsOptional() @IsString() @Length(1, 40) method?: string;
}

export class ShipReplacementRequest {
  @IsString() @Length(1, 64) @Matches(NOT_BLANK, notBlank) sku: string;
  /** None when handed over in the store. */
  @IsOptional() @IsString() @Length(1, 64) waybillNo?: string;
}

export class CompleteAfterSalesRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class CancelAfterSalesRequest {
  @IsOptional() @IsString() @Length(1, 1000) reason?: string;
}

/** After the call-back (售后回访). */
export class CloseAfterSalesRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
  @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number;
}
