import { Injectable } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import {
  AcceptSolutionCommand,
  AssignComplaintCommand,
  ClassifyComplaintCommand,
  CloseComplaintCommand,
  ComplaintsRpc,
  EscalateComplaintCommand,
  InvalidateComplaintCommand,
  ProposeSolutionCommand,
  RecordFirstResponseCommand,
  RejectSolutionCommand,
  ReopenComplaintCommand,
  ResolveComplaintCommand,
  StartInvestigationCommand,
} from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { ComplaintCommand } from '../complaint/complaint.commands.js';
import { requireVisibleComplaint } from './complaint-access.js';
import { complaintSpec, loadComplaint } from './complaint-stream.js';
import { RepeatFinder } from './repeat-finder.js';

interface Action {
  dto: ClassConstructor<{ complaintId: string }>;
  type: Exclude<ComplaintCommand['type'], 'FileComplaint' | 'RecordSlaWarning' | 'RecordSlaBreach'>;
}

/** Every lifecycle action after intake: RPC subject → request class → domain command. */
export const COMPLAINT_ACTIONS: Record<string, Action> = {
  [ComplaintsRpc.ClassifyComplaint]: { dto: ClassifyComplaintCommand, type: 'ClassifyComplaint' },
  [ComplaintsRpc.AssignComplaint]: { dto: AssignComplaintCommand, type: 'AssignComplaint' },
  [ComplaintsRpc.StartInvestigation]: { dto: StartInvestigationCommand, type: 'StartInvestigation' },
  [ComplaintsRpc.RecordFirstResponse]: { dto: RecordFirstResponseCommand, type: 'RecordFirstResponse' },
  [ComplaintsRpc.EscalateComplaint]: { dto: EscalateComplaintCommand, type: 'EscalateComplaint' },
  [ComplaintsRpc.ProposeSolution]: { dto: ProposeSolutionCommand, type: 'ProposeSolution' },
  [ComplaintsRpc.AcceptSolution]: { dto: AcceptSolutionCommand, type: 'AcceptSolution' },
  [ComplaintsRpc.RejectSolution]: { dto: RejectSolutionCommand, type: 'RejectSolution' },
  [ComplaintsRpc.ResolveComplaint]: { dto: ResolveComplaintCommand, type: 'ResolveComplaint' },
  [ComplaintsRpc.CloseComplaint]: { dto: CloseComplaintCommand, type: 'CloseComplaint' },
  [ComplaintsRpc.ReopenComplaint]: { dto: ReopenComplaintCommand, type: 'ReopenComplaint' },
  [ComplaintsRpc.InvalidateComplaint]: { dto: InvalidateComplaintCommand, type: 'InvalidateComplaint' },
};

@Injectable()
export class ComplaintActionsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly repeats: RepeatFinder,
  ) {}

  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const action = COMPLAINT_ACTIONS[subject];
    const actor = requireActor(ctx);
    const request = await validatePayload(action.dto, payload);
    const { complaintId, ...body } = request as { complaintId: string } & Record<string, unknown>;
    const { state } = await loadComplaint(this.host, complaintId);
    const complaint = requireVisibleComplaint(this.org, actor, complaintId, state);
    const now = this.host.clock.now().toISOString();
    // Classification is when the category becomes known: the moment to look for a repeat (R33).
    const priorComplaint =
      action.type === 'ClassifyComplaint' && complaint.memberId && !complaint.repeatOfComplaintId
        ? await this.repeats.find(complaint.memberId, String(body.category), complaintId, now)
        : undefined;
    const command = { ...body, type: action.type, complaintId, priorComplaint, now, actor } as ComplaintCommand;
    return runCommand(this.host, complaintId, complaintSpec(complaintId), command, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, severity: s?.severity, escalationLevel: s?.escalationLevel }),
    });
  }
}
