import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import {
  AcceptSolutionRequest,
  AssignComplaintRequest,
  ClassifyComplaintRequest,
  CloseComplaintRequest,
  EscalateComplaintRequest,
  FileComplaintRequest,
  FirstResponseRequest,
  InvalidateComplaintRequest,
  ProposeSolutionRequest,
  RejectSolutionRequest,
  ReopenComplaintRequest,
  ResolveComplaintRequest,
  StartInvestigationRequest,
} from './complaint-requests.js';
import { IntegerString } from '../../transforms.js';

/** RPC commands: the HTTP body plus the ids from the path. */

/**
 * The service assigns the complaint id unless an internal caller supplies one (a process manager
 * deriving it from its own ids); the gateway never does: HTTP bodies cannot carry it.
 */
export class FileComplaintCommand extends FileComplaintRequest {
  @IsOptional() @IsString() @Length(1, 64) complaintId?: string;
}

export class ClassifyComplaintCommand extends ClassifyComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class StartInvestigationCommand extends StartInvestigationRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class AssignComplaintCommand extends AssignComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class RecordFirstResponseCommand extends FirstResponseRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class EscalateComplaintCommand extends EscalateComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class ProposeSolutionCommand extends ProposeSolutionRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class AcceptSolutionCommand extends AcceptSolutionRequest {
  @IsString() @Length(1, 64) complaintId: string;
  @IntegerString() @IsInt() @Min(1) solutionNo: number;
}

export class RejectSolutionCommand extends RejectSolutionRequest {
  @IsString() @Length(1, 64) complaintId: string;
  @IntegerString() @IsInt() @Min(1) solutionNo: number;
}

export class ResolveComplaintCommand extends ResolveComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class CloseComplaintCommand extends CloseComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class ReopenComplaintCommand extends ReopenComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}

export class InvalidateComplaintCommand extends InvalidateComplaintRequest {
  @IsString() @Length(1, 64) complaintId: string;
}
