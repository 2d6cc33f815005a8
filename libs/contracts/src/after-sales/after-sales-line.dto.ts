import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_AMOUNT_FEN } from '../validators.js';

/** One order line in a published after-sales event. */
export class AfterSalesLineV1 {
  @IsString() @Length(1, 64) sku: string;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsInt() @Min(1) @Max(100_000) quantity: number;
  /** Integer minor units (fen). */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) unitPrice?: number;
}
