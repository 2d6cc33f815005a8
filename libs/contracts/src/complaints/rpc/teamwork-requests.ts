import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
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
import { IntegerString, NestedInstance } from '../../transforms.js';
import { IsInstant } from '../../validators.js';
import {
  CALLBACK_ATTEMPT_OUTCOMES,
  CALLBACK_KINDS,
  CALLBACK_STATUSES,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  STAFF_COMPLAINT_CATEGORIES,
  SURVEY_CHANNELS,
  type CallbackAttemptOutcomeValue,
  type CallbackKindValue,
  type CallbackStatusValue,
  type ComplaintCategoryValue,
  type ComplaintChannelValue,
  type StaffComplaintCategoryValue,
  type SurveyChannelValue,
} from '../complaint-vocabulary.js';
import { ComplaintCustomerDto } from './complaint-requests.js';
import { NestedInstances } from './nested-instances.js';

const NOT_BLANK = /\S/;
const notBlank = { message: '$property must not be blank' };
const ID = /^[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}$/;
const idMessage = { message: '$property must be an id' };

// ---- complaints: merge, split, promises -------------------------------------------------------

/** `POST /v1/complaints/{id}/merge`: this case duplicates `intoId`, which goes on. */
export class MergeComplaintRequest {
  @IsString() @Matches(ID, idMessage) intoId: string;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
  /** What the customer of the merged case is told; a standard text when absent. */
  @IsOptional() @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) customerMessage?: string;
}

/**
 * `POST /v1/complaints/{id}/split`: `description` (the part that becomes a new case), or
 * `complaintId` of a case merged into this one, to split it apart again (undoing the merge).
 */
export class SplitComplaintRequest {
  @ValidateIf((o: SplitComplaintRequest) => o.complaintId === undefined)
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, notBlank)
  description?: string;
  @ValidateIf((o: SplitComplaintRequest) => o.description === undefined)
  @IsString()
  @Matches(ID, idMessage)
  complaintId?: string;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** `POST /v1/complaints/{id}/promises/{n}/keep`. */
export class KeepPromiseRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class MergeComplaintCommand extends MergeComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class SplitComplaintCommand extends SplitComplaintRequest {
  @IsString() @Length(1, 64) sourceComplaintId: string;
}

export class KeepPromiseCommand extends KeepPromiseRequest {
  @IsString() @Length(1, 64) complaintId: string;
  @IntegerString() @IsInt() @Min(1) promiseNo: number;
}

// ---- call-backs -------------------------------------------------------------------------------

export class ListCallbacksQuery {
  @IsOptional() @IsIn(CALLBACK_KINDS) kind?: CallbackKindValue;
  @IsOptional() @IsIn(CALLBACK_STATUSES) status?: CallbackStatusValue;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsInstant() dueBefore?: string;
  @IsOptional() @IsString() @Length(1, 64) sourceRef?: string;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
}

export class GetCallbackQuery {
  @IsString() @Length(1, 64) callbackId: string;
}

export class RecordCallbackAttemptRequest {
  @IsIn(CALLBACK_ATTEMPT_OUTCOMES) outcome: CallbackAttemptOutcomeValue;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class CompleteCallbackRequest {
  @IsInt() @Min(1) @Max(5) satisfaction: number;
  @IsBoolean() satisfied: boolean;
  @IsOptional() @IsObject() answers?: Record<string, unknown>;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class RecordCallbackAttemptCommand extends RecordCallbackAttemptRequest {
  @IsString() @Length(1, 64) callbackId: string;
}

export class CompleteCallbackCommand extends CompleteCallbackRequest {
  @IsString() @Length(1, 64) callbackId: string;
}

/** `POST /v1/callbacks/sampling-runs`: the month's completed cases, drawn per store at `rate`. */
export class SamplingRunRequest {
  @IsString() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month YYYY-MM' }) month: string;
  @IsOptional() @IsNumber() @Min(0.01) @Max(1) rate?: number = 0.2;
}

// ---- notifications and queues -----------------------------------------------------------------

/** The caller's notifications, or its queue: newest first, or soonest due first. */
export class ListNotificationsQuery {
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
}

export class TeamQueueQuery {
  @ValidateIf((o: TeamQueueQuery) => o.regionId === undefined)
  @IsDefined({ message: 'storeId or regionId is required' })
  @IsString()
  @Length(1, 64)
  storeId?: string;
  @ValidateIf((o: TeamQueueQuery) => o.storeId === undefined)
  @IsDefined({ message: 'storeId or regionId is required' })
  @IsString()
  @Length(1, 64)
  regionId?: string;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
}

// ---- staff complaints -------------------------------------------------------------------------

/** `POST /v1/staff-complaints` (§1.3.6). Either `memberId` or `customer` is required. */
export class FileStaffComplaintRequest {
  @IsString() @Length(1, 64) storeId: string;
  @IsString() @Length(1, 64) staffId: string;
  @IsString() @Length(1, 50) @Matches(NOT_BLANK, notBlank) staffName: string;
  @ValidateIf((o: FileStaffComplaintRequest) => o.customer === undefined || o.memberId !== undefined)
  @IsString()
  @Length(1, 64)
  memberId?: string;
  @ValidateIf((o: FileStaffComplaintRequest) => o.memberId === undefined || o.customer !== undefined)
  @IsDefined({ message: 'memberId or customer is required' })
  @IsObject()
  @ValidateNested()
  @NestedInstance(ComplaintCustomerDto)
  customer?: ComplaintCustomerDto;
  @IsIn(COMPLAINT_CHANNELS) channel: ComplaintChannelValue;
  @IsOptional() @IsIn(STAFF_COMPLAINT_CATEGORIES) category?: StaffComplaintCategoryValue;
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) description: string;
  /** The appeasement at first contact, before the customer asked for a ticket (R49). */
  @IsOptional() @IsString() @Length(1, 2000) firstContactNote?: string;
}

export class StaffComplaintFirstCallRequest {
  @IsIn(['upheld', 'not_upheld']) judgement: 'upheld' | 'not_upheld';
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class StaffComplaintSecondCallRequest {
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) assessment: string;
  @IsIn(['accepted', 'not_accepted']) appeasementResult: 'accepted' | 'not_accepted';
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class StaffComplaintVerifyRequest {
  @IsBoolean() verified: boolean;
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class StaffComplaintWithdrawRequest {
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class StaffComplaintUpholdRequest {
  @IsOptional() @IsInt() @Min(0) @Max(100) score?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) criteria?: string[];
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class StaffComplaintDismissRequest {
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) note: string;
}

/** Any staff-complaint action: the body plus the id from the path. */
export class StaffComplaintActionCommand {
  @IsString() @Length(1, 64) staffComplaintId: string;
  @IsIn(['first-call', 'second-call', 'verify', 'withdraw', 'uphold', 'dismiss']) action: string;
  @IsObject() body: Record<string, unknown>;
}

export class GetStaffComplaintQuery {
  @IsString() @Length(1, 64) staffComplaintId: string;
}

export class ListStaffComplaintsQuery {
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsString() @Length(1, 64) staffId?: string;
  @IsOptional() @IsString() @Length(1, 32) status?: string;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
}

// ---- surveys ----------------------------------------------------------------------------------

export class SurveyQuestionDto {
  @IsString() @Matches(/^[a-z][a-z0-9_]{0,31}$/, { message: '$property must be a short lower-case id' }) questionId: string;
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, notBlank) text: string;
  @IsIn(['rating', 'yes_no', 'text', 'choice']) kind: 'rating' | 'yes_no' | 'text' | 'choice';
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) options?: string[];
  @IsOptional() @IsBoolean() required?: boolean;
}

/** `POST /v1/surveys`. */
export class CreateSurveyRequest {
  @IsString() @Length(1, 200) @Matches(NOT_BLANK, notBlank) title: string;
  @IsIn(['post_complaint', 'post_after_sales', 'post_call', 'periodic', 'market_research']) trigger: string;
  @IsOptional() @IsArray() @IsIn(SURVEY_CHANNELS, { each: true }) channels?: SurveyChannelValue[];
  @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @NestedInstances(SurveyQuestionDto) questions: SurveyQuestionDto[];
}

/** `POST /v1/surveys/{id}/responses`: consent first; answers only with it. */
export class SurveyResponseRequest {
  @IsIn(SURVEY_CHANNELS) channel: SurveyChannelValue;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) agentId?: string;
  @IsOptional() @IsString() @Length(1, 64) memberId?: string;
  @IsOptional() @IsString() @Length(1, 64) caseRef?: string;
  @IsBoolean() consent: boolean;
  @ValidateIf((o: SurveyResponseRequest) => o.consent === true || o.answers !== undefined) @IsObject() answers?: Record<string, string | number | boolean>;
}

export class SurveyResponseCommand extends SurveyResponseRequest {
  @IsString() @Length(1, 64) surveyId: string;
}

export class SurveyResultsQuery {
  @IsString() @Length(1, 64) surveyId: string;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
}

// ---- case library -----------------------------------------------------------------------------

/** `POST /v1/cases`: a draft from a closed complaint, personal data stripped. */
export class DraftCaseRequest {
  @IsString() @Length(1, 64) fromComplaintId: string;
  @IsOptional() @IsString() @Length(1, 200) title?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 50, { each: true }) keywords?: string[];
}

export class PublishCaseRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class PublishCaseCommand extends PublishCaseRequest {
  @IsString() @Length(1, 64) caseId: string;
}

export class SearchCasesQuery {
  @IsOptional() @IsString() @Length(1, 200) q?: string;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategoryValue;
  @IsOptional() @IsIn(['draft', 'published', 'retired']) status?: string;
  @IsOptional() @IntegerString() @IsInt() @Min(1) @Max(200) limit?: number;
}

// ---- reports ----------------------------------------------------------------------------------

/** `GET /v1/reports/complaints` (§1.7.5); a week runs to Friday. */
export class ComplaintReportQuery {
  @IsIn(['day', 'week', 'month']) period: 'day' | 'week' | 'month';
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }) from: string;
  @IsOptional() @IsString() @Length(1, 64) storeId?: string;
  @IsOptional() @IsString() @Length(1, 64) regionId?: string;
}
