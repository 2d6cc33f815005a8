import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

/** `POST /v1/members/{id}/points/redemptions`: costs the gift's points price × quantity. */
export class RequestRedemptionRequest {
  @IsString() @Matches(/^[A-Z0-9][A-Z0-9-]{0,63}$/, { message: '$property must be an upper-case gift SKU' }) giftSku: string;
  @IsInt() @Min(1) @Max(1_000) quantity: number;
  @IsString() @Length(1, 64) storeId: string;
}

export class RequestRedemptionCommand extends RequestRedemptionRequest {
  @IsString() @Length(1, 64) memberId: string;
}
