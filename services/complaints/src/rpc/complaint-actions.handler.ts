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
import { consumed, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { ComplaintActor, ComplaintCommand, FileComplaint, PriorComplaint, RecordSlaBreach, RecordSlaWarning } from '../complaint/complaint.commands.js';
import type { Complaint, ComplaintState } from '../complaint/complaint.state.js';
import { requireVisibleComplaint } from './complaint-access.js';
import { complaintStream } from './complaint-stream.js';
import { RepeatFinder } from './repeat-finder.js';
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import { computeSlaClocks } from '../sla/sla-policy.js';

type ActionCommand = Exclude<ComplaintCommand, FileComplaint | RecordSlaWarning | RecordSlaBreach>;

/** What an action's mapping has besides its request: the complaint as folded for this command, and lookups. */
interface ActionContext {
  complaint: Complaint;
  stamp: { now: string; actor: ComplaintActor };
  findRepeat(memberId: string, category: string): Promise<PriorComplaint | undefined>;
  freshResolutionClock(policyId: string): Promise<{ dueAt: string; warnAt: string } | undefined>;
}

interface ParsedAction {
  request: { complaintId: string };
  toCommand(on: ActionContext): ActionCommand | Promise<ActionCommand>;
}

type Action = (payload: unknown) => Promise<ParsedAction>;

/** A validated request class and its field-by-field mapping to the domain command. */
function action<R extends { complaintId: string }>(dto: ClassConstructor<R>, toCommand: (request: R, on: ActionContext) => ActionCommand | Promise<ActionCommand>): Action {
  return async (payload) => {
    const request = await validatePayload(dto, payload);
    return { request, toCommand: (on) => toCommand(request, on) };
  };
}

/** Every lifecycle action after intake: RPC subject → request class → domain command. */
export const COMPLAINT_ACTIONS: Record<string, Action> = {
  // Classification is when the category becomes known: the moment to look for a repeat (R33).
  [ComplaintsRpc.ClassifyComplaint]: action(ClassifyComplaintCommand, async ({ complaintId, category, severity, ...rest }, on) => {
    consumed(rest);
    const { memberId, repeatOfComplaintId } = on.complaint;
    const priorComplaint = memberId && !repeatOfComplaintId ? await on.findRepeat(memberId, category) : undefined;
    return { type: 'ClassifyComplaint', complaintId, category, severity, priorComplaint, ...on.stamp };
  }),
  [ComplaintsRpc.AssignComplaint]: action(AssignComplaintCommand, ({ complaintId, assigneeId, assigneeName, ...rest }, on) => {
    consumed(rest);
    return { type: 'AssignComplaint', complaintId, assigneeId, assigneeName, ...on.stamp };
  }),
  [ComplaintsRpc.StartInvestigation]: action(StartInvestigationCommand, ({ complaintId, note, ...rest }, on) => {
    consumed(rest);
    return { type: 'StartInvestigation', complaintId, note, ...on.stamp };
  }),
  [ComplaintsRpc.RecordFirstResponse]: action(RecordFirstResponseCommand, ({ complaintId, message, ...rest }, on) => {
    consumed(rest);
    return { type: 'RecordFirstResponse', complaintId, message, ...on.stamp };
  }),
  [ComplaintsRpc.EscalateComplaint]: action(EscalateComplaintCommand, ({ complaintId, toLevel, reason, ...rest }, on) => {
    consumed(rest);
    return { type: 'EscalateComplaint', complaintId, toLevel, reason, ...on.stamp };
  }),
  [ComplaintsRpc.ProposeSolution]: action(ProposeSolutionCommand, ({ complaintId, description, compensation, expectedResolutionAt, ...rest }, on) => {
    consumed(rest);
    return { type: 'ProposeSolution', complaintId, description, compensation, expectedResolutionAt, ...on.stamp };
  }),
  [ComplaintsRpc.AcceptSolution]: action(AcceptSolutionCommand, ({ complaintId, solutionNo, note, ...rest }, on) => {
    consumed(rest);
    return { type: 'AcceptSolution', complaintId, solutionNo, note, ...on.stamp };
  }),
  [ComplaintsRpc.RejectSolution]: action(RejectSolutionCommand, ({ complaintId, solutionNo, reason, ...rest }, on) => {
    consumed(rest);
    return { type: 'RejectSolution', complaintId, solutionNo, reason, ...on.stamp };
  }),
  [ComplaintsRpc.ResolveComplaint]: action(ResolveComplaintCommand, ({ complaintId, outcome, ...rest }, on) => {
    consumed(rest);
    return { type: 'ResolveComplaint', complaintId, outcome, ...on.stamp };
  }),
  [ComplaintsRpc.CloseComplaint]: action(CloseComplaintCommand, ({ complaintId, note, satisfaction, callbackOutcome, ...rest }, on) => {
    consumed(rest);
    return { type: 'CloseComplaint', complaintId, note, satisfaction, callbackOutcome, ...on.stamp };
  }),
  // Reopening re-arms the resolution clock under the complaint's own SLA policy, as in force now.
  [ComplaintsRpc.ReopenComplaint]: action(ReopenComplaintCommand, async ({ complaintId, reason, ...rest }, on) => {
    consumed(rest);
    const resolution = await on.freshResolutionClock(on.complaint.sla.policyId);
    return { type: 'ReopenComplaint', complaintId, reason, resolution, ...on.stamp };
  }),
  [ComplaintsRpc.InvalidateComplaint]: action(InvalidateComplaintCommand, ({ complaintId, reason, explanation, duplicateOfComplaintId, ...rest }, on) => {
    consumed(rest);
    return { type: 'InvalidateComplaint', complaintId, reason, explanation, duplicateOfComplaintId, ...on.stamp };
  }),
};

@Injectable()
export class ComplaintActionsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly repeats: RepeatFinder,
    private readonly slaConfig: SlaConfigService,
  ) {}

  /** One read of the stream: the access check and the lookups run on the state the command is decided on. */
  async run(subject: string, payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireActor(ctx);
    const { request, toCommand } = await COMPLAINT_ACTIONS[subject](payload);
    const { complaintId } = request;
    const command = (state: ComplaintState) => {
      const complaint = requireVisibleComplaint(this.org, actor, complaintId, state);
      const now = this.host.clock.now().toISOString();
      return toCommand({
        complaint,
        stamp: { now, actor },
        findRepeat: (memberId, category) => this.repeats.find(memberId, category, complaintId, now),
        freshResolutionClock: (policyId) => this.freshResolutionClock(policyId, now),
      });
    };
    return runCommand(this.host, complaintId, complaintStream.spec(complaintId), command, ctx, {
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
