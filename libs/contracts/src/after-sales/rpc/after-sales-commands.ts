import { IsOptional, IsString, Length } from 'class-validator';
import {
  AcceptRepairQuoteRequest,
  DeclineRepairQuoteRequest,
  DiagnoseRepairRequest,
  EscalateRepairRequest,
  InspectAfterSalesGoodsRequest,
  MarkRepairReadyRequest,
  QuoteRepairRequest,
  RecordRepairQcRequest,
  RejectAfterSalesRequest,
  StartRepairRequest,
} from './after-sales-handling-requests.js';
import {
  ApproveAfterSalesRequest,
  CancelAfterSalesRequest,
  CloseAfterSalesRequest,
  CompleteAfterSalesRequest,
  FileAfterSalesRequest,
  IssueAfterSalesRefundRequest,
  ReceiveAfterSalesGoodsRequest,
  ShipReplacementRequest,
} from './after-sales-requests.js';

/** RPC commands: the HTTP body plus the request id from the path. */

/**
 * The service assigns the request id unless an internal caller supplies one (the compensation
 * consumer derives it from the grant); the gateway never does: HTTP bodies cannot carry it.
 */
export class FileAfterSalesCommand extends FileAfterSalesRequest {
  @IsOptional() @IsString() @Length(1, 64) requestId?: string;
}

export class ApproveAfterSalesCommand extends ApproveAfterSalesRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class RejectAfterSalesCommand extends RejectAfterSalesRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class ReceiveAfterSalesGoodsCommand extends ReceiveAfterSalesGoodsRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class InspectAfterSalesGoodsCommand extends InspectAfterSalesGoodsRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class IssueAfterSalesRefundCommand extends IssueAfterSalesRefundRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class ShipReplacementCommand extends ShipReplacementRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class DiagnoseRepairCommand extends DiagnoseRepairRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class QuoteRepairCommand extends QuoteRepairRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class AcceptRepairQuoteCommand extends AcceptRepairQuoteRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class DeclineRepairQuoteCommand extends DeclineRepairQuoteRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class StartRepairCommand extends StartRepairRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class RecordRepairQcCommand extends RecordRepairQcRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class MarkRepairReadyCommand extends MarkRepairReadyRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class EscalateRepairCommand extends EscalateRepairRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class CompleteAfterSalesCommand extends CompleteAfterSalesRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class CancelAfterSalesCommand extends CancelAfterSalesRequest {
  @IsString() @Length(1, 64) requestId: string;
}

export class CloseAfterSalesCommand extends CloseAfterSalesRequest {
  @IsString() @Length(1, 64) requestId: string;
}
