import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { MemberOptionalFieldsDto } from './submit-member-application.request.js';

/**
 * `POST /v1/members/{id}/supplement`: the missing fields, at top level. Mobile is not accepted
 * (refused as an unknown property). An empty body passes here and is refused by the domain (422).
 */
export class SupplementMemberRequest extends MemberOptionalFieldsDto {
  @IsOptional() @IsString() @Length(1, 50) @Matches(/\S/, { message: '$property must not be blank' }) name?: string;
}

export class SupplementMemberCommand extends SupplementMemberRequest {
  @IsString() @Length(1, 64) memberId: string;
}
