import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_AMOUNT_FEN } from '../../validators.js';
import {
  AFTER_SALES_INSPECTION_RESULTS,
  AFTER_SALES_PAYMENT_METHODS,
  AFTER_SALES_REJECTION_REASONS,
  AFTER_SALES_WARRANTY,
  type AfterSalesInspectionResultValue,
  type AfterSalesPaymentMethodValue,
  type AfterSalesRejectionReasonValue,
  type AfterSalesWarrantyValue,
} from '../after-sales-vocabulary.js';

const notBlank = { message: '$property must not be blank' };
const NOT_BLANK = /\S/;

export class RejectAfterSalesRequest {
  @IsIn(AFTER_SALES_REJECTION_REASONS) reason: AfterSalesRejectionReasonValue;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** A fail names the conditions that failed, from the policy's list for the items' categories. */
export class InspectAfterSalesGoodsRequest {
  @IsIn(AFTER_SALES_INSPECTION_RESULTS) result: AfterSalesInspectionResultValue;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) failedConditions?: string[];
  @IsOptional() @IsString() @Length(1, 2000) notes?: string;
}

export class DiagnoseRepairRequest {
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) fault: string;
  /** The repair plan (维修方案, R63). */
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) plan: string;
  @IsOptional() @IsIn(AFTER_SALES_WARRANTY) warranty?: AfterSalesWarrantyValue;
}

export class QuoteRepairRequest {
  @IsInt() @Min(1) @Max(MAX_AMOUNT_FEN) amount: number;
  @IsOptional() @IsIn(AFTER_SALES_PAYMENT_METHODS) paymentMethod?: AfterSalesPaymentMethodValue;
}

export class AcceptRepairQuoteRequest {
  /** How the customer agreed. */
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class DeclineRepairQuoteRequest {
  @IsOptional() @IsString() @Length(1, 1000) reason?: string;
}

export class StartRepairRequest {
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class RecordRepairQcRequest {
  @IsBoolean() passed: boolean;
  @IsOptional() @IsString() @Length(1, 2000) notes?: string;
}

export class MarkRepairReadyRequest {
  /** Mail-in repairs go back with a waybill. */
  @IsOptional() @IsString() @Length(1, 64) waybillNo?: string;
}

/** 疑难问题提升 to the technical centre. */
export class EscalateRepairRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
}
