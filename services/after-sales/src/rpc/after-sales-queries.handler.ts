import { Injectable } from '@nestjs/common';
import { AfterSalesHistoryQuery, GetAfterSalesQuery, ListAfterSalesQuery, ReturnRegisterQuery } from '@cs/contracts';
import { addCalendarDays, startOfLocalDay } from '@cs/calendar';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { keysetPage, MemberDirectoryRow, memberShownTo, presentMobile, scopeToStores, ServiceHost, toHistory } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { SelectQueryBuilder } from 'typeorm';
import { AfterSalesTermsService } from '../policy-config/after-sales-terms.service.js';
import { AfterSalesListRow } from '../projections/after-sales-list/after-sales-list.entity.js';
import { ReturnRegisterRow } from '../projections/return-register/return-register.entity.js';
import { canSeeRequest, contactEntitled, requestNotFound, visibleStoreIds } from './after-sales-access.js';
import { loadRequest } from './after-sales-stream.js';
import { toAfterSalesView } from './after-sales-view.js';

/** Still being worked on: not done, refused, cancelled or closed. */
const FINISHED = ['completed', 'callback_pending', 'closed', 'rejected', 'rejected_after_inspection', 'cancelled', 'returned_unrepaired'];

@Injectable()
export class AfterSalesQueriesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    private readonly terms: AfterSalesTermsService,
  ) {}

  /** Folded from its stream (read-your-writes), optionally as it was at `asOf`. */
  async get(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(GetAfterSalesQuery, payload);
    const asOf = query.asOf ? new Date(query.asOf) : undefined;
    const loaded = await loadRequest(this.host, query.requestId, asOf);
    if (!loaded || !canSeeRequest(this.org, ctx.actor, loaded.state)) throw requestNotFound(query.requestId);
    // the member's details only to callers who may see that member (a request at one store may name another store's member)
    const memberId = loaded.state.memberId;
    const shown = memberId !== undefined && (await memberShownTo(this.host, this.org, ctx.actor, memberId));
    const member = shown ? await this.host.dataSource.getRepository(MemberDirectoryRow).findOneBy({ memberId }) : null;
    return {
      ...toAfterSalesView(loaded, ctx.actor, asOf ?? this.host.clock.now()),
      ...(memberId !== undefined && !shown ? { memberId: null } : {}),
      member: member ? { id: member.memberId, memberNo: member.memberNo, name: member.name, status: member.status, tier: member.tier } : null,
    };
  }

  async history(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(AfterSalesHistoryQuery, payload);
    const loaded = await loadRequest(this.host, query.requestId);
    if (!loaded || !canSeeRequest(this.org, ctx.actor, loaded.state)) throw requestNotFound(query.requestId);
    const entitled = contactEntitled(ctx.actor, loaded.state);
    return {
      items: toHistory(loaded.events, (e) => {
        const data = e.data as Record<string, unknown> & { customer?: { name: string; mobile: string } };
        return data.customer ? { ...data, customer: { ...data.customer, mobile: presentMobile(data.customer.mobile, ctx.actor, entitled) } } : data;
      }),
    };
  }

  /** `overdue`: a repair clock breached, or past due and still running. */
  async list(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ListAfterSalesQuery, payload);
    const qb = this.host.dataSource.getRepository(AfterSalesListRow).createQueryBuilder('r').where('true');
    this.scope(qb, ctx);
    if (query.type) qb.andWhere('r.type = :type', { type: query.type });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.storeId) qb.andWhere('r.store_id = :storeId', { storeId: query.storeId });
    if (query.memberId) qb.andWhere('r.member_id = :memberId', { memberId: query.memberId });
    const now = this.host.clock.now();
    const overdue = '(r.breached or (r.due_at <= :now and r.clock_stopped_at is null and r.status not in (:...finished)))';
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? overdue : `not ${overdue}`, { now, finished: FINISHED });
    return keysetPage(
      qb,
      {
        atColumn: 'r.requested_at',
        idColumn: 'r.request_id',
        direction: 'desc',
        limit: query.limit,
        cursor: query.cursor,
        keyOf: (r) => ({ at: r.requestedAt, id: r.requestId }),
      },
      (r) => ({
        id: r.requestId,
        type: r.type,
        status: r.status,
        storeId: r.storeId,
        memberId: r.memberId,
        orderRef: r.orderRef,
        reason: r.reason,
        origin: r.origin,
        serviceMode: r.serviceMode,
        linkedComplaintId: r.linkedComplaintId,
        requestedAt: r.requestedAt.toISOString(),
        windowEndsAt: r.windowEndsAt?.toISOString() ?? null,
        dueAt: r.dueAt?.toISOString() ?? null,
        breached: r.breached,
        overdue: r.breached || (!!r.dueAt && !r.clockStoppedAt && r.dueAt <= now && !FINISHED.includes(r.status)),
        refundedTotal: r.refundedTotal,
        version: r.version,
      }),
    );
  }

  /** 退换货登记表: one line per returned item line; `from`/`to` are local dates in the organisation's zone. */
  async returnRegister(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ReturnRegisterQuery, payload);
    const { timezone } = await this.terms.inForce();
    const qb = this.host.dataSource.getRepository(ReturnRegisterRow).createQueryBuilder('l').where('true');
    scopeToStores(qb, 'l.store_id', ctx.actor?.role === 'customer' ? [] : visibleStoreIds(this.org, ctx.actor));
    if (query.storeId) qb.andWhere('l.store_id = :storeId', { storeId: query.storeId });
    if (query.from) qb.andWhere('l.requested_at >= :from', { from: startOfLocalDay(query.from, timezone) });
    if (query.to) qb.andWhere('l.requested_at < :to', { to: startOfLocalDay(addCalendarDays(query.to, 1), timezone) });
    return keysetPage(
      qb,
      { atColumn: 'l.requested_at', idColumn: 'l.line_id', direction: 'asc', limit: query.limit, cursor: query.cursor, keyOf: (l) => ({ at: l.requestedAt, id: l.lineId }) },
      (l) => ({
        requestId: l.requestId,
        storeId: l.storeId,
        type: l.requestType,
        orderRef: l.orderRef,
        sku: l.sku,
        model: l.name,
        size: l.size,
        colour: l.colour,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        reason: l.reason,
        problem: l.problem,
        waybillNo: l.waybillNo,
        disposition: l.disposition,
        requestedAt: l.requestedAt.toISOString(),
      }),
    );
  }

  private scope(qb: SelectQueryBuilder<AfterSalesListRow>, ctx: RpcContext): void {
    if (ctx.actor?.role === 'customer') {
      qb.andWhere('r.member_id = :self', { self: ctx.actor.id });
      return;
    }
    scopeToStores(qb, 'r.store_id', visibleStoreIds(this.org, ctx.actor));
  }
}
