import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { KeepPromiseCommand, MergeComplaintCommand, SplitComplaintCommand } from '@cs/contracts';
import { handleCommand, type Actor } from '@cs/eventstore';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { ComplaintCommand } from '../complaint/complaint.commands.js';
import { complaintStream } from '../rpc/complaint-stream.js';
import { complaintNotFound, complaintNotMerged } from '../complaint/complaint.errors.js';
import type { Complaint } from '../complaint/complaint.state.js';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import { computeSlaClocks, type SlaClocks } from '../sla/sla-policy.js';
import { policyForChannel } from '../sla/sla-selection.js';
import { requireStaff, requireVisible } from './team-access.js';

const spec = (complaintId: string) => complaintStream.spec(complaintId);

const DEFAULT_MERGE_MESSAGE = 'Your request is handled together with your earlier complaint; we will keep you informed there.';

/** Merge, split and promises kept (issue 11): each a command on one complaint; the follow-up process records merges on the other side. */
@Injectable()
export class ComplaintTeamActionsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly slaConfig: SlaConfigService,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
  ) {}

  /** `POST /v1/complaints/{id}/merge`: {id} duplicates `intoId`. */
  async merge(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(MergeComplaintCommand, payload);
    const { complaintId, intoId, note, customerMessage, ...rest } = request;
    consumed(rest);
    await this.visible(actor, complaintId);
    await this.visible(actor, intoId);
    const command: ComplaintCommand = {
      type: 'MergeComplaint',
      complaintId,
      intoComplaintId: intoId,
      note: note ?? `Duplicate of ${intoId}`,
      customerMessage: customerMessage ?? DEFAULT_MERGE_MESSAGE,
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, complaintId, spec(complaintId), command, ctx, { request, toResult: (s) => ({ mergedInto: s?.mergedInto ?? null }) });
  }

  /**
   * `POST /v1/complaints/{id}/split`: with `description`, that part becomes a new case with its
   * own clocks (filed first, so the source never names a case that does not exist); with
   * `complaintId`, a case merged into {id} is split apart again and runs on fresh clocks.
   */
  async split(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(SplitComplaintCommand, payload);
    const { sourceComplaintId, description, complaintId: mergedId, note, ...rest } = request;
    consumed(rest);
    const source = await this.visible(actor, sourceComplaintId);
    const now = this.host.clock.now().toISOString();
    if (mergedId) {
      const merged = await this.visible(actor, mergedId);
      if (merged.mergedInto !== sourceComplaintId) throw complaintNotMerged(mergedId);
      const clocks = await this.clocks(merged, now);
      const command: ComplaintCommand = {
        type: 'UnmergeComplaint',
        complaintId: mergedId,
        note: note ?? `Split apart from ${sourceComplaintId}`,
        sla: clocks && { firstResponseDueAt: clocks.firstResponseDueAt, firstResponseWarnAt: clocks.firstResponseWarnAt, resolutionDueAt: clocks.resolutionDueAt, resolutionWarnAt: clocks.resolutionWarnAt },
        now,
        actor,
      };
      return runCommand(this.host, mergedId, spec(mergedId), command, ctx, { request, toResult: (s) => ({ mergedInto: s?.mergedInto ?? null }) });
    }
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const newComplaintId = randomUUID();
    const clocks = await this.clocks(source, now);
    if (!clocks) throw complaintNotFound(sourceComplaintId);
    await handleCommand(
      this.host.store,
      spec(newComplaintId),
      {
        type: 'FileComplaint',
        complaintId: newComplaintId,
        complaintNo: source.complaintNo ? `${source.complaintNo}-S${source.splitOff.length + 1}` : undefined,
        channel: source.channel,
        source: source.source,
        storeId: source.storeId,
        regionId: source.regionId,
        memberId: source.memberId,
        customer: source.customer,
        description: description!,
        category: source.category,
        orderRef: source.orderRef,
        splitFromComplaintId: sourceComplaintId,
        sla: clocks,
        owner: { id: source.assigneeId ?? actor.id, name: source.assigneeId ? source.assigneeName : actor.name, rule: 'split' },
        now,
        actor,
      },
      { metadata: { actor, occurredAt: now, correlationId: ctx.correlationId } },
    );
    const command: ComplaintCommand = { type: 'SplitComplaint', complaintId: sourceComplaintId, newComplaintId, description: description!, note, now, actor };
    return runCommand(this.host, sourceComplaintId, spec(sourceComplaintId), command, ctx, { request, toResult: () => ({ newComplaintId }) });
  }

  async keepPromise(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(KeepPromiseCommand, payload);
    const { complaintId, promiseNo, note, ...rest } = request;
    consumed(rest);
    await this.visible(actor, complaintId);
    const command: ComplaintCommand = { type: 'KeepPromise', complaintId, promiseNo, note, now: this.host.clock.now().toISOString(), actor };
    return runCommand(this.host, complaintId, spec(complaintId), command, ctx, { request, toResult: (s) => ({ status: s?.status }) });
  }

  private async visible(actor: Actor, complaintId: string): Promise<Complaint> {
    const { state } = await complaintStream.load(this.host, complaintId);
    return requireVisible(this.org, actor, state, () => complaintNotFound(complaintId));
  }

  /** Fresh clocks under the case's own policy (and its channel's reply clock), as in force now. */
  private async clocks(c: Complaint, now: string): Promise<SlaClocks | undefined> {
    const { policy, calendar } = await this.slaConfig.forIntake(c.sla.policyId);
    return policy ? computeSlaClocks(policyForChannel(policy, c.channel, this.config.slaSelection), calendar.calendar, now) : undefined;
  }
}
