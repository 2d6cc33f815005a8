import { IsString, Length, Matches } from 'class-validator';
import { GIFT_SKU_PATTERN } from '../gift-vocabulary.js';
import { UpdateGiftRequest } from './gift-catalogue-requests.js';
import {
  ApproveGiftRequestRequest,
  DispatchGiftRequestRequest,
  ReceiveGiftRequestRequest,
  RejectGiftRequestRequest,
  ResolveGiftDiscrepancyRequest,
  SubmitGiftRequestRequest,
} from './gift-request-requests.js';
import { VoidEntitlementRequest } from './entitlement-requests.js';
import { ReverseIssuanceRequest } from './issuance-requests.js';
import {
  ApproveProcurementPlanRequest,
  OrderProcurementPlanRequest,
  ReceiveProcurementPlanRequest,
  RejectProcurementPlanRequest,
  ReviseProcurementPlanRequest,
  SubmitProcurementPlanRequest,
} from './procurement-requests.js';
import { skuMessage } from './shared.js';
import { ApproveStocktakeRequest, OrderRecountRequest, RecordStocktakeCountsRequest, SubmitStocktakeRequest } from './stocktake-requests.js';

/** RPC commands: the HTTP body plus the id from the path. */

export class UpdateGiftCommand extends UpdateGiftRequest {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) giftSku: string;
}

export class ReviseProcurementPlanCommand extends ReviseProcurementPlanRequest {
  @IsString() @Length(1, 64) planId: string;
}
export class SubmitProcurementPlanCommand extends SubmitProcurementPlanRequest {
  @IsString() @Length(1, 64) planId: string;
}
export class ApproveProcurementPlanCommand extends ApproveProcurementPlanRequest {
  @IsString() @Length(1, 64) planId: string;
}
export class RejectProcurementPlanCommand extends RejectProcurementPlanRequest {
  @IsString() @Length(1, 64) planId: string;
}
export class OrderProcurementPlanCommand extends OrderProcurementPlanRequest {
  @IsString() @Length(1, 64) planId: string;
}
export class ReceiveProcurementPlanCommand extends ReceiveProcurementPlanRequest {
  @IsString() @Length(1, 64) planId: string;
}

export class SubmitGiftRequestCommand extends SubmitGiftRequestRequest {
  @IsString() @Length(1, 64) requestId: string;
}
export class ApproveGiftRequestCommand extends ApproveGiftRequestRequest {
  @IsString() @Length(1, 64) requestId: string;
}
export class RejectGiftRequestCommand extends RejectGiftRequestRequest {
  @IsString() @Length(1, 64) requestId: string;
}
export class DispatchGiftRequestCommand extends DispatchGiftRequestRequest {
  @IsString() @Length(1, 64) requestId: string;
}
export class ReceiveGiftRequestCommand extends ReceiveGiftRequestRequest {
  @IsString() @Length(1, 64) requestId: string;
}
export class ResolveGiftDiscrepancyCommand extends ResolveGiftDiscrepancyRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class ReverseIssuanceCommand extends ReverseIssuanceRequest {
  @IsString() @Length(1, 64) issuanceId: string;
}

export class VoidEntitlementCommand extends VoidEntitlementRequest {
  @IsString() @Length(1, 64) entitlementId: string;
}

export class RecordStocktakeCountsCommand extends RecordStocktakeCountsRequest {
  @IsString() @Length(1, 64) stocktakeId: string;
}
export class SubmitStocktakeCommand extends SubmitStocktakeRequest {
  @IsString() @Length(1, 64) stocktakeId: string;
}
export class ApproveStocktakeCommand extends ApproveStocktakeRequest {
  @IsString() @Length(1, 64) stocktakeId: string;
}
export class OrderRecountCommand extends OrderRecountRequest {
  @IsString() @Length(1, 64) stocktakeId: string;
}
