import { Inject, Injectable } from '@nestjs/common';
import {
  CompleteCallbackCommand,
  GetCallbackQuery,
  ListCallbacksQuery,
  RecordCallbackAttemptCommand,
  SamplingRunRequest,
} from '@cs/contracts';
import { handleCommand } from '@cs/eventstore';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, presentMobile, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { callbackNotFound } from '../callback/callback.errors.js';
import { drawSample, type SampleCandidate } from '../callback/callback.sampling.js';
import type { Callback } from '../callback/callback.state.js';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { periodWindow } from '../reports/report-period.js';
import { requireStaff, requireVisible, storeScope } from './team-access.js';
import { callbackStream } from './team-streams.js';

interface CallbackRow {
  callback_id: string;
  kind: string;
  source_ref: string;
  store_id: string;
  member_id: string | null;
  assignee_id: string | null;
  due_at: Date;
  status: string;
  sampled: boolean;
  attempts: number;
  satisfaction: number | null;
  satisfied: boolean | null;
  version: number;
}

const view = (r: CallbackRow) => ({
  id: r.callback_id,
  kind: r.kind,
  sourceRef: r.source_ref,
  storeId: r.store_id,
  memberId: r.member_id,
  assigneeId: r.assignee_id,
  dueAt: r.due_at.toISOString(),
  status: r.status,
  sampled: r.sampled,
  attempts: r.attempts,
  satisfaction: r.satisfaction,
  satisfied: r.satisfied,
  version: r.version,
});

/** Call-backs (回访, §1.7.2): work lists, the attempt log, results, and the monthly sampling run. */
@Injectable()
export class CallbacksHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
  ) {}

  async list(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(ListCallbacksQuery, payload);
    const params: unknown[] = [];
    const where = [storeScope(this.org, actor, 'store_id', params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.kind) add('kind = ?', q.kind);
    if (q.status) add('status = ?', q.status);
    if (q.storeId) add('store_id = ?', q.storeId);
    if (q.dueBefore) add('due_at < ?', q.dueBefore);
    if (q.sourceRef) add('source_ref = ?', q.sourceRef);
    params.push(q.limit ?? 50);
    const rows = (await this.host.dataSource.query(
      `select * from callback_list_v1 where ${where.join(' and ')} order by due_at, callback_id limit $${params.length}`,
      params,
    )) as CallbackRow[];
    return { items: rows.map(view) };
  }

  async get(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(GetCallbackQuery, payload);
    const { state, version } = await callbackStream.load(this.host, q.callbackId);
    const cb: Callback = requireVisible(this.org, actor, state, () => callbackNotFound(q.callbackId));
    return {
      ...cb,
      id: cb.callbackId,
      customer: cb.customer ? { name: cb.customer.name, mobile: presentMobile(cb.customer.mobile, actor, actor.id === cb.assigneeId) } : undefined,
      version,
    };
  }

  async attempt(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(RecordCallbackAttemptCommand, payload);
    const { callbackId, outcome, note, ...rest } = request;
    consumed(rest);
    // the access check runs on the state the command is decided on
    const command = (state: Callback | null) => {
      requireVisible(this.org, actor, state, () => callbackNotFound(callbackId));
      return { type: 'RecordCallbackAttempt' as const, callbackId, outcome, note, now: this.host.clock.now().toISOString(), actor };
    };
    return runCommand(this.host, callbackId, callbackStream.spec(callbackId), command, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, attempts: s?.attempts.length }),
    });
  }

  async complete(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(CompleteCallbackCommand, payload);
    const { callbackId, satisfaction, satisfied, answers, note, ...rest } = request;
    consumed(rest);
    const command = (state: Callback | null) => {
      requireVisible(this.org, actor, state, () => callbackNotFound(callbackId));
      return { type: 'CompleteCallback' as const, callbackId, satisfaction, satisfied, answers, note, now: this.host.clock.now().toISOString(), actor };
    };
    return runCommand(this.host, callbackId, callbackStream.spec(callbackId), command, ctx, {
      request,
      toResult: (s) => ({ status: s?.status, satisfaction: s?.result?.satisfaction, satisfied: s?.result?.satisfied }),
    });
  }

  /**
   * The monthly 20 % sampling (双重回访, R118): the month's completed complaints (closed) and
   * after-sales requests, per store, drawn reproducibly with the month as seed; each pick gets a
   * sampled call-back whose id derives from the month and the case, so a second run adds nothing.
   */
  async samplingRun(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const request = await validatePayload(SamplingRunRequest, payload);
    const rate = request.rate ?? 0.2;
    const w = periodWindow('month', `${request.month}-01`, this.config.utcOffsetMinutes);
    const params: unknown[] = [w.fromAt, w.toAt];
    const complaintScope = storeScope(this.org, actor, 'store_id', params);
    const complaints = (await this.host.dataSource.query(
      `select complaint_id as ref, store_id, member_id from complaint_list_v1
        where status = 'closed' and closed_at >= $1 and closed_at < $2 and merged_into is null and ${complaintScope}`,
      params,
    )) as Array<{ ref: string; store_id: string; member_id: string | null }>;
    const afterSalesParams: unknown[] = [w.fromAt, w.toAt];
    const afterSalesScope = storeScope(this.org, actor, 'store_id', afterSalesParams);
    const afterSales = (await this.host.dataSource.query(
      `select request_id as ref, store_id, member_id from after_sales_completion_v1 where completed_at >= $1 and completed_at < $2 and ${afterSalesScope}`,
      afterSalesParams,
    )) as Array<{ ref: string; store_id: string; member_id: string | null }>;
    const members = new Map([...complaints, ...afterSales].map((r) => [r.ref, r.member_id]));
    const candidates: SampleCandidate[] = [
      ...complaints.map((r) => ({ caseRef: r.ref, kind: 'complaint' as const, storeId: r.store_id })),
      ...afterSales.map((r) => ({ caseRef: r.ref, kind: 'after_sales' as const, storeId: r.store_id })),
    ];
    const draw = drawSample(candidates, rate, request.month);
    const now = this.host.clock.now().toISOString();
    for (const item of draw.items) {
      const memberId = members.get(item.caseRef);
      if (!memberId) continue;
      const callbackId = `sample-${request.month}-${item.caseRef}`;
      if ((await callbackStream.load(this.host, callbackId)).state) continue;
      await handleCommand(
        this.host.store,
        callbackStream.spec(callbackId),
        {
          type: 'ScheduleCallback',
          callbackId,
          kind: item.kind,
          sourceRef: item.caseRef,
          storeId: item.storeId,
          memberId,
          dueAt: callbackDueAt(now),
          maxAttempts: this.config.callbackMaxAttempts,
          sampled: true,
          note: `Sampling run ${request.month}`,
          now,
          actor,
        },
        { commandId: `sampling:${callbackId}`, metadata: { actor, occurredAt: now } },
      );
    }
    const perStore = new Map<string, { population: number; sampled: number }>();
    for (const c of candidates) perStore.set(c.storeId, { population: (perStore.get(c.storeId)?.population ?? 0) + 1, sampled: 0 });
    for (const i of draw.items) perStore.get(i.storeId)!.sampled += 1;
    for (const [storeId, s] of perStore) {
      await this.host.dataSource.query(
        `insert into callback_sampling_v1 (month, store_id, population, sampled, rate) values ($1, $2, $3, $4, $5)
         on conflict (month, store_id) do update set population = excluded.population, sampled = excluded.sampled, rate = excluded.rate`,
        [request.month, storeId, s.population, s.sampled, rate],
      );
    }
    this.host.poke();
    return { month: request.month, rate, population: draw.population, sampled: draw.sampled, coverage: draw.coverage, items: draw.items };
  }
}

/** A sampled call is due within three days of the run. */
function callbackDueAt(now: string): string {
  return new Date(Date.parse(now) + 3 * 86_400_000).toISOString();
}
