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
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import { computeSlaClocks } from '../sla/sla-policy.js';

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
    private readonly slaConfig: SlaConfigService,
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
    // Reopening re-arms the resolution clock under the complaint's own SLA policy, as in force now.
    const resolution = action.type === 'ReopenComplaint' ? await this.freshResolutionClock(complaint.sla.policyId, now) : undefined;
    const command = { ...body, type: action.type, complaintId, priorComplaint, resolution, now, actor } as ComplaintCommand;
    return runCommand(this.host, complaintId, complaintSpec(complaintId), command, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, severity: s?.severity, escalationLevel: s?.escalationLevel }),
    });
  }

  private async freshResolutionClock(policyId: string, now: string): Promise<{ dueAt: string; warnAt: string } | undefined> {
    const { policy, calendar } = await this.slaConfig.forIntake(policyId);
    if (!policy) return undefined;
    const clocks = computeSlaClocks(policy, calendar.calendar, now);
    return { dueAt: clocks.resolutionDueAt, warnAt: clocks.resolutionWarnAt };
  }
}
