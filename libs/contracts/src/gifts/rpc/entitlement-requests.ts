import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsInstant } from '../../validators.js';
import { GIFT_ENTITLEMENT_KINDS, GIFT_SKU_PATTERN, type GiftEntitlementKindValue } from '../gift-vocabulary.js';
import { NOT_BLANK, notBlank, skuMessage } from './shared.js';

/** `POST /v1/gift-entitlements`: a gift card, birthday gift card or voucher for a member. */
export class IssueEntitlementRequest {
  @IsIn(GIFT_ENTITLEMENT_KINDS) kind: GiftEntitlementKindValue;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  /** The gift it entitles to; absent: any gift of the store's choice. */
  @IsOptional() @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) giftSku?: string;
  /** Default: now. */
  @IsOptional() @IsInstant() validFrom?: string;
  /** Default: the configured validity of the kind. */
  @IsOptional() @IsInstant() validUntil?: string;
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class VoidEntitlementRequest {
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, notBlank) reason: string;
}
