import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
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
import { IsInstant, MAX_AMOUNT_FEN } from '../../validators.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_COMPENSATION_KINDS,
  COMPLAINT_ESCALATION_TARGETS,
  COMPLAINT_INVALIDATION_REASONS,
  COMPLAINT_MOBILE_PATTERN,
  COMPLAINT_SEVERITIES,
  COMPLAINT_CALLBACK_OUTCOMES,
  COMPLAINT_SOURCES,
  type ComplaintCategoryValue,
  type ComplaintChannelValue,
  type ComplaintCompensationKindValue,
  type ComplaintEscalationTargetValue,
  type ComplaintInvalidationReasonValue,
  type ComplaintSeverityValue,
  type ComplaintCallbackOutcomeValue,
  type ComplaintSourceValue,
} from '../complaint-vocabulary.js';
import { NestedInstance } from '../../transforms.js';
import { NestedInstances } from './nested-instances.js';

const notBlank = { message: '$property must not be blank' };
const NOT_BLANK = /\S/;

export class ComplaintCustomerDto {
  @IsString() @Length(1, 50) @Matches(NOT_BLANK, notBlank) name: string;
  @IsString() @Matches(COMPLAINT_MOBILE_PATTERN, { message: '$property must be an 11-digit mobile number starting with 1' })
  mobile: string;
}

/** `POST /v1/complaints`. Either `memberId` or `customer` is required (R13). */
export class FileComplaintRequest {
  @IsIn(COMPLAINT_CHANNELS) channel: ComplaintChannelValue;
  @IsIn(COMPLAINT_SOURCES) source: ComplaintSourceValue;
  @IsString() @Length(1, 64) storeId: string;

  @ValidateIf((o: FileComplaintRequest) => o.customer === undefined || o.memberId !== undefined)
  @IsString()
  @Length(1, 64)
  memberId?: string;

  @ValidateIf((o: FileComplaintRequest) => o.memberId === undefined || o.customer !== undefined)
  @IsDefined({ message: 'memberId or customer is required' })
  @IsObject()
  @ValidateNested()
  @NestedInstance(ComplaintCustomerDto)
  customer?: ComplaintCustomerDto;

  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) description: string;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategoryValue;
  @IsOptional() @IsString() @Length(1, 64) orderRef?: string;
  /**
   * `chain`, `ecommerce`, or any policy defined under /v1/config/sla-policies (unknown ids: 422).
   * Absent: derived from the store and channel (R3); a store role may only send the derived one.
   */
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: '$property must be an SLA policy id' }) slaPolicy?: string;
}

export class ClassifyComplaintRequest {
  @IsIn(COMPLAINT_CATEGORIES) category: ComplaintCategoryValue;
  @IsIn(COMPLAINT_SEVERITIES) severity: ComplaintSeverityValue;
}

export class AssignComplaintRequest {
  @IsString() @Length(1, 64) assigneeId: string;
  @IsOptional() @IsString() @Length(1, 50) assigneeName?: string;
  /** Why the case changes hands; recorded with from and to. */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export class FirstResponseRequest {
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) message: string;
}

export class EscalateComplaintRequest {
  @IsIn(COMPLAINT_ESCALATION_TARGETS) toLevel: ComplaintEscalationTargetValue;
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
  /** The person at the new level who takes the case; routing chooses when absent. */
  @IsOptional() @IsString() @Length(1, 64) assigneeId?: string;
  @IsOptional() @IsString() @Length(1, 50) assigneeName?: string;
}

/** Something promised to the customer with a solution, and by when (R35, R43). */
export class ComplaintPromiseDto {
  @IsString() @Length(1, 500) @Matches(NOT_BLANK, notBlank) what: string;
  @IsInstant() dueAt: string;
}

export class ComplaintCompensationDto {
  @IsIn(COMPLAINT_COMPENSATION_KINDS) kind: ComplaintCompensationKindValue;
  /** Integer minor units (fen). */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_FEN) amount?: number;
  @IsOptional() @IsString() @Length(1, 64) giftSku?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) quantity?: number;
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class ProposeSolutionRequest {
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) description: string;
  @IsOptional() @IsObject() @ValidateNested() @NestedInstance(ComplaintCompensationDto)
  compensation?: ComplaintCompensationDto;
  /** Told to the customer when it cannot be solved at once (R35). */
  @IsOptional() @IsInstant() expectedResolutionAt?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @NestedInstances(ComplaintPromiseDto)
  promises?: ComplaintPromiseDto[];
}

/**
 * The solution number comes from the path. The optional note also keeps validation metadata on
 * the class: class-validator refuses instances of a class without any as unknown values.
 */
export class AcceptSolutionRequest {
  /** How the customer agreed (e.g. "by phone, 14:05"). */
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

export class RejectSolutionRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
}

export class ResolveComplaintRequest {
  /** What the customer was told (R37). */
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) outcome: string;
}

export class CloseComplaintRequest {
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
  @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number;
  /** The complaint call-back's result (R23): `satisfied`, or `unreachable` after trying. */
  @IsOptional() @IsIn(COMPLAINT_CALLBACK_OUTCOMES) callbackOutcome?: ComplaintCallbackOutcomeValue;
}

/** `POST /v1/complaints/{id}/investigate`: the assignee starts checking the facts (调查核实). */
export class StartInvestigationRequest {
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class ReopenComplaintRequest {
  @IsString() @Length(1, 1000) @Matches(NOT_BLANK, notBlank) reason: string;
}

export class InvalidateComplaintRequest {
  @IsIn(COMPLAINT_INVALIDATION_REASONS) reason: ComplaintInvalidationReasonValue;
  /** What the customer is told. */
  @IsString() @Length(1, 2000) @Matches(NOT_BLANK, notBlank) explanation: string;
  @ValidateIf((o: InvalidateComplaintRequest) => o.reason === 'duplicate' || o.duplicateOfComplaintId !== undefined)
  @IsString()
  @Length(1, 64)
  duplicateOfComplaintId?: string;
}
