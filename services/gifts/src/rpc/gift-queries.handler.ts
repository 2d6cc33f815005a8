import { Injectable } from '@nestjs/common';
import { GetGiftQuery, GetIssuanceQuery, GiftHistoryQuery, IssuanceHistoryQuery, ListGiftsQuery, ListGiftStockQuery, ListIssuancesQuery, StockHistoryQuery } from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { maskMobile, ServiceHost, toHistory } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { canUseLocation, notVisible, visibleLocations } from '../app/gift-access.js';
import { pageOf, scopeClause } from '../app/paging.js';
import { giftNotFound } from '../gift/gift.errors.js';
import { giftStream } from './gift-stream.js';
import { issuanceStream } from './issuance-stream.js';
import { stockStream } from './stock-stream.js';
import { stockKey } from '../stock/stock.decider.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
/** Walk-in customers in lists: the surname's first character and a masked mobile. */
const maskName = (name: string) => `${[...name][0] ?? ''}*`;

@Injectable()
export class GiftQueriesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  private query = (sql: string, params: unknown[]) => this.host.pool.query(sql, params).then((r) => r.rows as Row[]);

  async getGift(payload: unknown) {
    const q = await validatePayload(GetGiftQuery, payload);
    const { state, version } = await giftStream.load(this.host, q.giftSku, q.asOf);
    if (!state) throw giftNotFound(q.giftSku);
    return { ...state, version };
  }

  async giftHistory(payload: unknown) {
    const q = await validatePayload(GiftHistoryQuery, payload);
    const { state, events } = await giftStream.load(this.host, q.giftSku);
    if (!state) throw giftNotFound(q.giftSku);
    return { items: toHistory(events) };
  }

  async listGifts(payload: unknown) {
    const q = await validatePayload(ListGiftsQuery, payload);
    const params: unknown[] = [];
    let select = 'select * from gift_catalogue_v1 where true';
    if (q.active !== undefined) {
      params.push(q.active);
      select += ` and active = $${params.length}`;
    }
    return pageOf(this.query, { select, params, keys: ['sku'], direction: 'asc', limit: q.limit ?? 50, cursor: q.cursor }, (r) => [String(r.sku)], (r) => ({
      sku: r.sku,
      name: r.name,
      spec: r.spec,
      unit: r.unit,
      unitCost: num(r.unit_cost),
      pointsPrice: num(r.points_price),
      category: r.category ?? undefined,
      minStock: { hq: r.min_hq, store: r.min_store },
      highValue: r.high_value,
      active: r.active,
      version: r.version,
    }));
  }

  /** Per location and SKU: on hand, reserved, available, in transit (shown at the destination). */
  async listStock(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(ListGiftStockQuery, payload);
    const params: unknown[] = [];
    let select = `select s.*, c.name, case when s.location_kind = 'hq' then c.min_hq else c.min_store end as minimum
                  from gift_stock_v1 s left join gift_catalogue_v1 c on c.sku = s.sku where true`;
    select += scopeClause('s.location_id', visibleLocations(this.org, ctx.actor), params);
    if (q.locationId) {
      params.push(q.locationId);
      select += ` and s.location_id = $${params.length}`;
    }
    if (q.sku) {
      params.push(q.sku);
      select += ` and s.sku = $${params.length}`;
    }
    if (q.low !== undefined) select += ` and ${q.low ? '' : 'not '}(s.on_hand - s.reserved < coalesce(case when s.location_kind = 'hq' then c.min_hq else c.min_store end, 0))`;
    return pageOf(
      this.query,
      { select, params, keys: ['s.location_id', 's.sku'], direction: 'asc', limit: q.limit ?? 50, cursor: q.cursor },
      (r) => [String(r.location_id), String(r.sku)],
      (r) => {
        const available = Number(r.on_hand) - Number(r.reserved);
        const minimum = num(r.minimum);
        return {
          locationId: r.location_id,
          locationKind: r.location_kind,
          sku: r.sku,
          name: r.name ?? undefined,
          onHand: r.on_hand,
          reserved: r.reserved,
          available,
          inTransit: r.in_transit,
          damagedOrLost: r.damaged_or_lost,
          minimum,
          low: minimum !== undefined && available < minimum,
          version: r.version,
        };
      },
    );
  }

  /** The ledger of one location and SKU: every movement with who, when and the document it came from. */
  async stockHistory(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(StockHistoryQuery, payload);
    if (!canUseLocation(this.org, ctx.actor, q.locationId)) throw notVisible('stock', `${q.locationId}/${q.sku}`);
    const { state, events } = await stockStream.load(this.host, stockKey(q.locationId, q.sku));
    if (!state) throw notVisible('stock', `${q.locationId}/${q.sku}`);
    return { items: toHistory(events) };
  }

  async getIssuance(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(GetIssuanceQuery, payload);
    const { state, version } = await issuanceStream.load(this.host, q.issuanceId, q.asOf);
    if (!state || !canUseLocation(this.org, ctx.actor, state.locationId)) throw notVisible('issuance', q.issuanceId);
    return { ...state, version };
  }

  async issuanceHistory(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(IssuanceHistoryQuery, payload);
    const { state, events } = await issuanceStream.load(this.host, q.issuanceId);
    if (!state || !canUseLocation(this.org, ctx.actor, state.locationId)) throw notVisible('issuance', q.issuanceId);
    return { items: toHistory(events) };
  }

  /** 赠品发放登记表, newest first; walk-in customers masked. */
  async listIssuances(payload: unknown, ctx: RpcContext) {
    const q = await validatePayload(ListIssuancesQuery, payload);
    const params: unknown[] = [];
    let select = `select *, to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as sort_at from gift_issuances_v1 where status <> 'refused'`;
    select += scopeClause('location_id', visibleLocations(this.org, ctx.actor), params);
    const filters: Array<[unknown, string]> = [
      [q.locationId, 'location_id ='],
      [q.reason, 'reason ='],
      [q.memberId, 'member_id ='],
      [q.from ? new Date(q.from) : undefined, 'issued_at >='],
      [q.to ? new Date(q.to) : undefined, 'issued_at <'],
    ];
    for (const [value, clause] of filters) {
      if (value === undefined) continue;
      params.push(value);
      select += ` and ${clause} $${params.length}`;
    }
    return pageOf(
      this.query,
      { select, params, keys: ["to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", 'issuance_id'], direction: 'desc', limit: q.limit ?? 50, cursor: q.cursor },
      (r) => [String(r.sort_at), String(r.issuance_id)],
      (r) => ({
        issuanceId: r.issuance_id,
        locationId: r.location_id,
        sku: r.sku,
        quantity: r.quantity,
        reason: r.reason,
        memberId: r.member_id ?? undefined,
        customer: r.customer_name ? { name: maskName(String(r.customer_name)), mobile: maskMobile(String(r.customer_mobile)) } : undefined,
        causeRef: r.cause_ref ?? undefined,
        entitlementCode: r.entitlement_code ?? undefined,
        issuedBy: r.issued_by,
        issuedAt: (r.issued_at as Date).toISOString(),
        status: r.status,
        version: r.version,
      }),
    );
  }
}
