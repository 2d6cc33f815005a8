import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../../validators.js';
import { COMPLAINT_STATUSES, type ComplaintStatusValue } from '../complaint-vocabulary.js';
import { BooleanString, IntegerString } from '../../transforms.js';

export class GetComplaintQuery {
  @IsString() @Length(1, 64) complaintId: string;
  /** ISO-8601 instant: the complaint as it was then. */
  @IsOptional() @IsInstant() asOf?: string;
}

export class ListComplaintsQuery {
  @IsOptional() @IsIn(COMPLAINT_STATUSES) status?: ComplaintStatusValue;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  /** Any SLA clock breached; 'true' / 'false' from a query string are accepted. */
  @IsOptional() @BooleanString() @IsBoolean() breached?: boolean;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @Length(1, 500) cursor?: string;
}

export class ComplaintHistoryQuery {
  @IsString() @Length(1, 64) complaintId: string;
}
