import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, SequenceBlock, type Actor, type CommandContext } from '@cs/eventstore';
import { FileComplaintCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import { computeSlaClocks } from '../sla/sla-policy.js';
import { chooseSlaPolicy, policyForChannel } from '../sla/sla-selection.js';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { routeComplaint } from '../routing/complaint-routing.js';
import { raiseSeverity, maxSeverity } from '../complaint/complaint.values.js';
import type { FileComplaint } from '../complaint/complaint.commands.js';
import { complaintStream } from './complaint-stream.js';
import { RepeatFinder } from './repeat-finder.js';
import { assertMemberReferenceVisible, visibleComplaintId } from './reference-scope.js';

@Injectable()
export class FileComplaintHandler {
  /** Complaint numbers, reserved a block per process (see the migration ComplaintNumberBlocks). */
  private readonly numbers: SequenceBlock;

  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly repeats: RepeatFinder,
    private readonly slaConfig: SlaConfigService,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly team: ComplaintsTeamConfig,
  ) {
    this.numbers = new SequenceBlock(host.pool, 'complaint_no_seq');
  }

  /** Intake: computes the SLA clocks from the policy in force now; the case keeps them for life. */
  async file(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(FileComplaintCommand, payload);
    const { channel, source, storeId, memberId, customer, description, category, orderRef, slaPolicy, complaintId: requestedId, ...rest } = request;
    consumed(rest);
    const actor = requireActor(ctx);
    const store = this.org.requireStore(storeId);
    if (actor.role === 'customer') {
      if (memberId !== actor.id) throw new DomainError('NOT_YOUR_ACCOUNT', 'Customers file complaints for themselves only', 'forbidden');
    } else if (!this.org.canAccessStore(actor, storeId)) {
      throw new DomainError('STORE_OUT_OF_SCOPE', `You cannot file complaints for store ${storeId}`, 'forbidden');
    }
    await assertMemberReferenceVisible(this.host, this.org, actor, memberId);
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return this.scoped(earlier, actor);

    // R3: the policy follows from the store (online → e-commerce) and the channel; only HQ roles may choose another, and that is recorded
    const onlineStoreIds = [...this.team.slaSelection.onlineStoreIds, ...this.org.listStores().filter((s) => s.type === 'online').map((s) => s.storeId)];
    const selection = { ...this.team.slaSelection, onlineStoreIds };
    const choice = chooseSlaPolicy({ storeId, role: actor.role, requested: slaPolicy }, selection);
    if (!choice.ok) {
      throw new DomainError('SLA_POLICY_NOT_YOURS', `Store ${storeId} runs the ${choice.derivedPolicyId} policy; only HQ may choose ${choice.requested}`, 'forbidden', {
        derivedPolicyId: choice.derivedPolicyId,
        requested: choice.requested,
      });
    }
    const now = this.host.clock.now().toISOString();
    const complaintId = requestedId ?? randomUUID();
    const prior = memberId && category ? await this.repeats.find(memberId, category, complaintId, now) : undefined;
    // 首问制 (R27): the filer owns it unless routing sends it on (HQ source and repeats to the region's agent, P1 to the HQ manager)
    const routed = routeComplaint(
      {
        complaintId,
        storeId,
        regionId: store.regionId,
        source,
        severity: prior ? raiseSeverity(maxSeverity('P3', prior.severity)) : 'P3',
        repeat: !!prior,
        filer: { id: actor.id, name: actor.name },
      },
      this.team.routing,
      this.team.roster,
    );
    // a customer filing for itself owns nothing: routing finds staff, or the desk assigns it
    const owner = routed.rule === 'fallback_filer' && actor.role === 'customer' ? undefined : { id: routed.id, name: routed.name, rule: routed.rule };
    let complaintNo: string | undefined;
    const build = async (_state: unknown, _version: number, { versions }: CommandContext): Promise<FileComplaint> => {
      // the policy and calendar in force now (their versions come with the command's read); the complaint keeps the clocks computed from them
      const { policy, calendar: { calendar } } = await this.slaConfig.forIntake(choice.policyId, versions);
      if (!policy) throw new DomainError('UNKNOWN_SLA_POLICY', `No SLA policy ${choice.policyId}`, 'rule');
      complaintNo ??= `C${now.slice(0, 10).replace(/-/g, '')}-${String(await this.numbers.take()).padStart(5, '0')}`;
      return {
        type: 'FileComplaint',
        complaintId,
        complaintNo,
        channel,
        source,
        storeId,
        regionId: store.regionId,
        memberId,
        customer: customer ? { name: customer.name, mobile: customer.mobile } : undefined,
        description,
        category,
        orderRef,
        sla: computeSlaClocks(policyForChannel(policy, channel, selection), calendar, now),
        priorComplaint: prior,
        owner,
        slaPolicyOverride: choice.override,
        now,
        actor,
      };
    };
    const reply = await runCommand(this.host, complaintId, complaintStream.spec(complaintId), build, ctx, {
      request,
      versionsOf: this.slaConfig.intakeStreams(choice.policyId),
      toResult: (state) => ({
        id: complaintId,
        complaintNo,
        status: state?.status,
        severity: state?.severity,
        firstResponseDueAt: state?.sla.firstResponseDueAt,
        resolutionDueAt: state?.sla.resolutionDueAt,
        repeatOfComplaintId: state?.repeatOfComplaintId ?? null,
        slaPolicyId: state?.sla.policyId,
        assigneeId: state?.assigneeId ?? null,
      }),
    });
    return this.scoped(reply, actor);
  }

  /** The earlier complaint a repeat refers to is named only to a caller who may see it. */
  private async scoped(reply: CommandReply, actor: Actor): Promise<CommandReply> {
    const repeatOf = reply.repeatOfComplaintId as string | null | undefined;
    return repeatOf ? { ...reply, repeatOfComplaintId: await visibleComplaintId(this.host, this.org, actor, repeatOf) } : reply;
  }
}
