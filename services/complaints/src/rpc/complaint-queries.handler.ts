import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { ComplaintHistoryQuery, GetComplaintQuery, ListComplaintsQuery } from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { keysetPage, presentMobile, scopeToStores, ServiceHost, toHistory } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { MemberDirectoryRow } from '../inbound/member-directory/member-directory.entity.js';
import { ComplaintListRow } from '../projections/complaint-list/complaint-list.entity.js';
import { contactEntitled, requireVisibleComplaint } from './complaint-access.js';
import { complaintStream } from './complaint-stream.js';
import { toComplaintView } from './complaint-view.js';
import { scopeComplaintView, scopeHistoryReferences, scopeListReferences } from './reference-scope.js';

@Injectable()
export class ComplaintQueriesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  /** Folded from the stream (read-your-writes; `asOf` travels back), the member from the directory. */
  async get(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(GetComplaintQuery, payload);
    const { state, version } = await complaintStream.load(this.host, query.complaintId, query.asOf);
    const complaint = requireVisibleComplaint(this.org, ctx.actor, query.complaintId, state);
    const member = complaint.memberId
      ? await this.host.dataSource.getRepository(MemberDirectoryRow).findOneBy({ memberId: complaint.memberId })
      : null;
    return scopeComplaintView(this.host, this.org, ctx.actor, toComplaintView(complaint, version, ctx.actor, member));
  }

  async history(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ComplaintHistoryQuery, payload);
    const { state, events } = await complaintStream.load(this.host, query.complaintId);
    const complaint = requireVisibleComplaint(this.org, ctx.actor, query.complaintId, state);
    const entitled = contactEntitled(complaint, ctx.actor);
    return {
      items: await scopeHistoryReferences(this.host, this.org, ctx.actor, toHistory(events, (e) => {
        const data = e.data as Record<string, unknown> & { customer?: { name: string; mobile: string } };
        return data.customer ? { ...data, customer: { ...data.customer, mobile: presentMobile(data.customer.mobile, ctx.actor, entitled) } } : data;
      })),
    };
  }

  async list(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ListComplaintsQuery, payload);
    const qb = this.host.dataSource.getRepository(ComplaintListRow).createQueryBuilder('c').where('true');
    this.scope(qb, ctx);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.storeId) qb.andWhere('c.store_id = :storeId', { storeId: query.storeId });
    if (query.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.memberId) qb.andWhere('c.member_id = :memberId', { memberId: query.memberId });
    if (query.breached !== undefined) {
      qb.andWhere(query.breached ? '(c.first_response_breached or c.resolution_breached)' : 'not (c.first_response_breached or c.resolution_breached)');
    }
    const page = await keysetPage(
      qb,
      {
        atColumn: 'c.received_at',
        idColumn: 'c.complaint_id',
        direction: 'desc',
        limit: query.limit,
        cursor: query.cursor,
        keyOf: (r) => ({ at: r.receivedAt, id: r.complaintId }),
      },
      (r) => ({
        id: r.complaintId,
        complaintNo: r.complaintNo,
        storeId: r.storeId,
        memberId: r.memberId,
        channel: r.channel,
        source: r.source,
        category: r.category,
        severity: r.severity,
        status: r.status,
        assigneeId: r.assigneeId,
        escalationLevel: r.escalationLevel,
        receivedAt: r.receivedAt.toISOString(),
        firstResponseDueAt: r.firstResponseDueAt.toISOString(),
        resolutionDueAt: r.resolutionDueAt.toISOString(),
        breached: r.firstResponseBreached || r.resolutionBreached,
        repeatOfComplaintId: r.repeatOfComplaintId,
        version: r.version,
      }),
    );
    return { ...page, items: await scopeListReferences(this.host, this.org, ctx.actor, page.items) };
  }

  private scope(qb: SelectQueryBuilder<ComplaintListRow>, ctx: RpcContext): void {
    if (ctx.actor?.role === 'customer') {
      qb.andWhere('c.member_id = :self', { self: ctx.actor.id });
      return;
    }
    scopeToStores(qb, 'c.store_id', this.org.visibleStoreIds(ctx.actor));
  }
}
