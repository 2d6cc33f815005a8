import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@cs/eventstore';
import { FileComplaintCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import { computeSlaClocks } from '../sla/sla-policy.js';
import type { FileComplaint } from '../complaint/complaint.commands.js';
import { complaintStream } from './complaint-stream.js';
import { RepeatFinder } from './repeat-finder.js';
import { assertMemberReferenceVisible, visibleComplaintId } from './reference-scope.js';

@Injectable()
export class FileComplaintHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly repeats: RepeatFinder,
    private readonly slaConfig: SlaConfigService,
  ) {}

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

    // the policy and calendar in force now; the complaint keeps the clocks computed from them
    const { policy, calendar: { calendar } } = await this.slaConfig.forIntake(slaPolicy ?? 'chain');
    if (!policy) throw new DomainError('UNKNOWN_SLA_POLICY', `No SLA policy ${slaPolicy}`, 'rule');
    const now = this.host.clock.now().toISOString();
    const complaintId = requestedId ?? randomUUID();
    const { rows } = await this.host.pool.query<{ n: string }>("select nextval('complaint_no_seq') as n");
    const complaintNo = `C${now.slice(0, 10).replace(/-/g, '')}-${rows[0].n.padStart(5, '0')}`;
    const prior = memberId && category ? await this.repeats.find(memberId, category, complaintId, now) : undefined;
    const command: FileComplaint = {
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
      sla: computeSlaClocks(policy, calendar, now),
      priorComplaint: prior,
      now,
      actor,
    };
    const reply = await runCommand(this.host, complaintId, complaintStream.spec(complaintId), command, ctx, {
      request,
      toResult: (state) => ({
        id: complaintId,
        complaintNo,
        status: state?.status,
        severity: state?.severity,
        firstResponseDueAt: state?.sla.firstResponseDueAt,
        resolutionDueAt: state?.sla.resolutionDueAt,
        repeatOfComplaintId: state?.repeatOfComplaintId ?? null,
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
