import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf, ArrayMaxSize, ArrayUnique } from 'class-validator';
import {
  MEMBER_REVIEW_DECISIONS,
  MEMBER_SUPPLEMENTABLE_FIELDS,
  type MemberReviewDecision,
  type MemberSupplementableFieldName,
} from '../member-vocabulary.js';

/** `POST /v1/members/{id}/review`. The member number is assigned by the service on approval. */
export class ReviewMemberRequest {
  @IsIn(MEMBER_REVIEW_DECISIONS) decision: MemberReviewDecision;

  /** Required when requesting a supplement. */
  @ValidateIf((o: ReviewMemberRequest) => o.decision === 'request_supplement' || o.missingFields !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEMBER_SUPPLEMENTABLE_FIELDS.length)
  @ArrayUnique()
  @IsIn(MEMBER_SUPPLEMENTABLE_FIELDS, { each: true })
  missingFields?: MemberSupplementableFieldName[];

  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ReviewMemberCommand extends ReviewMemberRequest {
  @IsString() @Length(1, 64) memberId: string;
}
