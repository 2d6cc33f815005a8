import { Injectable } from '@nestjs/common';
import {
  EntitlementHistoryQuery,
  GetEntitlementQuery,
  GetGiftRequestQuery,
  GetProcurementPlanQuery,
  GetStocktakeQuery,
  GiftRequestHistoryQuery,
  ListEntitlementsQuery,
  ListGiftRequestsQuery,
  ListProcurementPlansQuery,
  ListStocktakesQuery,
  ProcurementPlanHistoryQuery,
  StocktakeHistoryQuery,
  StocktakeSummaryQuery,
  StocktakeWatchListQuery,
} from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost, toHistory } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { canSeeRequest, canUseLocation, notVisible, visibleLocations } from '../app/gift-access.js';
import { pageOf, scopeClause } from '../app/paging.js';
import { summarise, watchList, type ConfirmedCount } from '../app/stocktake-summary.js';
import { previousPeriod } from '../config/gifts.config.js';
import { entitlementNotFound } from '../entitlement/entitlement.errors.js';
import { procurementPlanNotFound } from '../procurement-plan/procurement-plan.errors.js';
import type { Stocktake } from '../stocktake/stocktake.state.js';
import { entitlementStream } from './entitlement-stream.js';
import { procurementPlanStream } from './procurement-plan-stream.js';
import { giftRequestStream } from './gift-request-stream.js';
import { stocktakeStream } from './stocktake-stream.js';

type Row = Record<string, unknown>;
type Kind = 'procurement_plan' | 'gift_request' | 'entitlement' | 'stocktake';
const SORT_AT = `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

@Injectable()
export class DocumentQueriesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  private query = (sql: string, params: unknown[]) => this.host.pool.query(sql, params).then((r) => r.rows as Row[]);

  /** A list of one kind of document, newest first, with equality filters and a location scope. */
  private list(kind: Kind, filters: Record<string, unknown>, scope: string[] | null, limit = 50, cursor?: string) {
    const params: unknown[] = [kind];
    let select = `select *, ${SORT_AT} as sort_at from gift_documents_v1 where kind = $1`;
    select += scopeClause('location_id', scope, params);
    for (const [column, value] of Object.entries(filters)) {
      if (value === undefined) continue;
      params.push(value);
      select += ` and ${column} = $${params.length}`;
    }
    return pageOf(this.query, { select, params, keys: [SORT_AT, 'id'], direction: 'desc', limit, cursor }, (r) => [String(r.sort_at), String(r.id)], (r) => ({
      id: r.id,
      status: r.status,
      locationId: r.location_id ?? undefined,
      memberId: r.member_id ?? undefined,
      period: r.period ?? undefined,
      createdAt: (r.created_at as Date).toISOString(),
      updatedAt: (r.updated_at as Date).toISOString(),
      version: r.version,
      ...(r.summary as object),
    }));
  }

  async getPlan(payload: unknown) {
    const q = await validatePayload(GetProcurementPlanQuery, payload);
    const { state, version } = await procurementPlanStream.load(this.host, q.planId, q.asOf);
    if (!state) throw procurementPlanNotFound(q.planId);
    return { ...state, version };
  }

  async planHistory(payload: unknown) {
    const q = await validatePayload(ProcurementPlanHistoryQuery, payload);
    const { state, events } = await procurementPlanStream.load(this.host, q.planId);
    if (!state) throw procurementPlanNotFound(q.planId);
    return { items: toHistory(events) };
  }

  async listPlans(payload: unknown) {
    const q = await validatePayload(ListProcurementPlansQuery, payload);
    return this.list('procurement_plan', { status: q.status, period: q.period }, null, q.limit, q.cursor);
  }

  async getRequest(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(GetGiftRequestQuery, payload);
    const { state, version } = await giftRequestStream.load(this.host, q.requestId, q.asOf);
    if (!state || !canSeeRequest(this.org, ctx.actor, state.storeId)) throw notVisible('gift request', q.requestId);
    return { ...state, version };
  }

  async requestHistory(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(GiftRequestHistoryQuery, payload);
    const { state, events } = await giftRequestStream.load(this.host, q.requestId);
    if (!state || !canSeeRequest(this.org, ctx.actor, state.storeId)) throw notVisible('gift request', q.requestId);
    return { items: toHistory(events) };
  }

  async listRequests(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(ListGiftRequestsQuery, payload);
    const scope = ctx.actor?.role === 'warehouse' ? null : this.org.visibleStoreIds(ctx.actor);
    return this.list('gift_request', { status: q.status, location_id: q.storeId }, scope, q.limit, q.cursor);
  }

  async getEntitlement(payload: unknown) {
    const q = await validatePayload(GetEntitlementQuery, payload);
    const { state, version } = await entitlementStream.load(this.host, q.entitlementId, q.asOf);
    if (!state) throw entitlementNotFound(q.entitlementId);
    return { ...state, version };
  }

  async entitlementHistory(payload: unknown) {
    const q = await validatePayload(EntitlementHistoryQuery, payload);
    const { state, events } = await entitlementStream.load(this.host, q.entitlementId);
    if (!state) throw entitlementNotFound(q.entitlementId);
    return { items: toHistory(events) };
  }

  async listEntitlements(payload: unknown) {
    const q = await validatePayload(ListEntitlementsQuery, payload);
    return this.list('entitlement', { member_id: q.memberId, status: q.status }, null, q.limit, q.cursor);
  }

  async getStocktake(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(GetStocktakeQuery, payload);
    const { state, version } = await stocktakeStream.load(this.host, q.stocktakeId, q.asOf);
    if (!state || !canUseLocation(this.org, ctx.actor, state.locationId)) throw notVisible('stocktake', q.stocktakeId);
    return { ...state, counts: Object.values(state.counts), version };
  }

  async stocktakeHistory(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(StocktakeHistoryQuery, payload);
    const { state, events } = await stocktakeStream.load(this.host, q.stocktakeId);
    if (!state || !canUseLocation(this.org, ctx.actor, state.locationId)) throw notVisible('stocktake', q.stocktakeId);
    return { items: toHistory(events) };
  }

  async listStocktakes(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(ListStocktakesQuery, payload);
    return this.list('stocktake', { location_id: q.locationId, period: q.period, status: q.status }, visibleLocations(this.org, ctx.actor), q.limit, q.cursor);
  }

  /** The last confirmed count of each location in a period. */
  private async confirmed(period: string, regionId?: string): Promise<ConfirmedCount[]> {
    const rows = await this.query(
      `select distinct on (location_id) id, location_id, summary from gift_documents_v1
       where kind = 'stocktake' and status = 'confirmed' and period = $1 order by location_id, updated_at desc`,
      [period],
    );
    return rows
      .map((r) => {
        const s = r.summary as Pick<Stocktake, 'locationKind' | 'regionId' | 'variances'>;
        return { stocktakeId: String(r.id), locationId: String(r.location_id), locationKind: s.locationKind, regionId: s.regionId, variances: s.variances ?? [] };
      })
      .filter((c) => !regionId || c.regionId === regionId);
  }

  async summary(payload: unknown) {
    const q = await validatePayload(StocktakeSummaryQuery, payload);
    return summarise(q.period, await this.confirmed(q.period, q.regionId));
  }

  async watchList(payload: unknown) {
    const q = await validatePayload(StocktakeWatchListQuery, payload);
    const items = watchList(await this.confirmed(q.period), await this.confirmed(previousPeriod(q.period)));
    return { period: q.period, items, nextCursor: null };
  }
}
