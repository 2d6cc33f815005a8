import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  FileStaffComplaintRequest,
  GetStaffComplaintQuery,
  ListStaffComplaintsQuery,
  StaffComplaintActionCommand,
  StaffComplaintDismissRequest,
  StaffComplaintFirstCallRequest,
  StaffComplaintSecondCallRequest,
  StaffComplaintUpholdRequest,
  StaffComplaintVerifyRequest,
  StaffComplaintWithdrawRequest,
} from '@cs/contracts';
import { DomainError, type Actor } from '@cs/eventstore';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, presentMobile, previousReply, runCommand, ServiceHost, toHistory, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import type { StaffComplaintCommand } from '../staff-complaint/staff-complaint.commands.js';
import { secondCallDueAt } from '../staff-complaint/staff-complaint.deadline.js';
import { staffComplaintNotFound } from '../staff-complaint/staff-complaint.errors.js';
import type { StaffComplaint } from '../staff-complaint/staff-complaint.state.js';
import { requireStaff, requireVisible, storeScope } from './team-access.js';
import { staffComplaintStream } from './team-streams.js';

type Action = StaffComplaintActionCommand['action'];

/** Body of each action → its domain command (the body classes validate it first). */
async function toCommand(action: Action, id: string, body: Record<string, unknown>, stamp: { now: string; actor: Actor }): Promise<StaffComplaintCommand> {
  const base = { staffComplaintId: id, ...stamp };
  switch (action) {
    case 'first-call': {
      const b = await validatePayload(StaffComplaintFirstCallRequest, body);
      return { type: 'RecordFirstCall', judgement: b.judgement, note: b.note, ...base };
    }
    case 'second-call': {
      const b = await validatePayload(StaffComplaintSecondCallRequest, body);
      return { type: 'RecordSecondCall', assessment: b.assessment, appeasementResult: b.appeasementResult, note: b.note, ...base };
    }
    case 'verify': {
      const b = await validatePayload(StaffComplaintVerifyRequest, body);
      return { type: 'VerifyAppeasement', verified: b.verified, note: b.note, ...base };
    }
    case 'withdraw': {
      const b = await validatePayload(StaffComplaintWithdrawRequest, body);
      return { type: 'WithdrawStaffComplaint', note: b.note, ...base };
    }
    case 'uphold': {
      const b = await validatePayload(StaffComplaintUpholdRequest, body);
      return { type: 'UpholdStaffComplaint', score: b.score, criteria: b.criteria, note: b.note, ...base };
    }
    case 'dismiss': {
      const b = await validatePayload(StaffComplaintDismissRequest, body);
      return { type: 'DismissStaffComplaint', note: b.note, ...base };
    }
    default:
      throw new DomainError('UNKNOWN_ACTION', `Unknown staff-complaint action ${action as string}`, 'rule');
  }
}

/** Complaints about a staff member (§1.3.6, R47–R56). */
@Injectable()
export class StaffComplaintsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly slaConfig: SlaConfigService,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
  ) {}

  /** Opens the ticket; the staff member and the team lead are notified at this instant; the second call is due 17:00 next working day. */
  async file(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(FileStaffComplaintRequest, payload);
    const { storeId, staffId, staffName, memberId, customer, channel, category, description, firstContactNote, ...rest } = request;
    consumed(rest);
    const store = this.org.requireStore(storeId);
    if (!this.org.canAccessStore(actor, store.storeId)) throw new DomainError('STORE_OUT_OF_SCOPE', `You cannot file for store ${store.storeId}`, 'forbidden');
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const now = this.host.clock.now().toISOString();
    const { calendar } = await this.slaConfig.forIntake('chain');
    const staffComplaintId = randomUUID();
    const command: StaffComplaintCommand = {
      type: 'FileStaffComplaint',
      staffComplaintId,
      storeId: store.storeId,
      regionId: store.regionId,
      staffId,
      staffName,
      teamLeadId: this.config.roster.storeManagers[store.storeId]?.id,
      memberId,
      customer: customer ? { name: customer.name, mobile: customer.mobile } : undefined,
      channel,
      category,
      description,
      firstContactNote,
      secondCallDueAt: secondCallDueAt(now, calendar.calendar, this.config.secondCallLocalTime),
      now,
      actor,
    };
    return runCommand(this.host, staffComplaintId, staffComplaintStream.spec(staffComplaintId), command, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, secondCallDueAt: s?.secondCallDueAt, teamLeadId: s?.teamLeadId ?? null }),
    });
  }

  async act(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(StaffComplaintActionCommand, payload);
    const { staffComplaintId: id } = request;
    const decided = await toCommand(request.action as Action, id, request.body, { now: this.host.clock.now().toISOString(), actor });
    // the access check runs on the state the command is decided on
    const command = (state: StaffComplaint | null) => {
      requireVisible(this.org, actor, state, () => staffComplaintNotFound(id));
      return decided;
    };
    return runCommand(this.host, id, staffComplaintStream.spec(id), command, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, assessmentCancelled: s?.assessmentCancelled }),
    });
  }

  async get(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const { staffComplaintId: id } = await validatePayload(GetStaffComplaintQuery, payload);
    const { state, version } = await staffComplaintStream.load(this.host, id);
    const sc: StaffComplaint = requireVisible(this.org, actor, state, () => staffComplaintNotFound(id));
    return { ...sc, id, customer: sc.customer ? { name: sc.customer.name, mobile: presentMobile(sc.customer.mobile, actor) } : undefined, version };
  }

  async history(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const { staffComplaintId: id } = await validatePayload(GetStaffComplaintQuery, payload);
    const { state, events } = await staffComplaintStream.load(this.host, id);
    requireVisible(this.org, actor, state, () => staffComplaintNotFound(id));
    return {
      items: toHistory(events, (e) => {
        const data = e.data as Record<string, unknown> & { customer?: { name: string; mobile: string } };
        return data.customer ? { ...data, customer: { ...data.customer, mobile: presentMobile(data.customer.mobile, actor) } } : data;
      }),
    };
  }

  async list(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(ListStaffComplaintsQuery, payload);
    const params: unknown[] = [];
    const where = [storeScope(this.org, actor, 'store_id', params)];
    for (const [column, value] of [
      ['store_id', q.storeId],
      ['staff_id', q.staffId],
      ['status', q.status],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    params.push(q.limit ?? 50);
    const rows = (await this.host.dataSource.query(
      `select * from staff_complaint_list_v1 where ${where.join(' and ')} order by filed_at desc, staff_complaint_id limit $${params.length}`,
      params,
    )) as Array<Record<string, unknown>>;
    return {
      items: rows.map((r) => ({
        id: r['staff_complaint_id'],
        storeId: r['store_id'],
        staffId: r['staff_id'],
        staffName: r['staff_name'],
        teamLeadId: r['team_lead_id'],
        category: r['category'],
        status: r['status'],
        outcome: r['outcome'],
        secondCallDueAt: (r['second_call_due_at'] as Date).toISOString(),
        filedAt: (r['filed_at'] as Date).toISOString(),
        version: r['version'],
      })),
    };
  }
}
