import type { SqlTx } from '@cs/eventstore';
import type { EntitlementState } from '../../entitlement/entitlement.state.js';
import type { GiftState } from '../../gift/gift.state.js';
import type { GiftRequestState } from '../../gift-request/gift-request.state.js';
import type { IssuanceState } from '../../issuance/issuance.state.js';
import type { ProcurementPlanState } from '../../procurement-plan/procurement-plan.state.js';
import type { StockState } from '../../stock/stock.state.js';
import { locationKindOf } from '../../stock/stock.values.js';
import type { StocktakeState } from '../../stocktake/stocktake.state.js';

/** Where a folded aggregate lands: upserted only forward in its stream version. */
export interface ViewStamp {
  version: number;
  at: Date;
}

export async function writeGift(tx: SqlTx, g: GiftState, s: ViewStamp): Promise<void> {
  if (!g) return;
  await tx.query(
    `insert into gift_catalogue_v1 (sku, name, spec, unit, unit_cost, points_price, category, min_hq, min_store, high_value, active, version, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
     on conflict (sku) do update set name = excluded.name, spec = excluded.spec, unit = excluded.unit, unit_cost = excluded.unit_cost,
       points_price = excluded.points_price, category = excluded.category, min_hq = excluded.min_hq, min_store = excluded.min_store,
       high_value = excluded.high_value, active = excluded.active, version = excluded.version, updated_at = excluded.updated_at
     where gift_catalogue_v1.version < excluded.version`,
    [g.sku, g.name, g.spec, g.unit, g.unitCost, g.pointsPrice ?? null, g.category ?? null, g.minStock.hq, g.minStock.store, g.highValue, g.status === 'active', s.version, s.at],
  );
}

export async function writeStock(tx: SqlTx, st: StockState, s: ViewStamp): Promise<void> {
  if (!st) return;
  await tx.query(
    `insert into gift_stock_v1 (location_id, sku, location_kind, on_hand, reserved, in_transit, damaged_or_lost, version, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     on conflict (location_id, sku) do update set on_hand = excluded.on_hand, reserved = excluded.reserved, in_transit = excluded.in_transit,
       damaged_or_lost = excluded.damaged_or_lost, version = excluded.version, updated_at = excluded.updated_at
     where gift_stock_v1.version < excluded.version`,
    [st.locationId, st.sku, locationKindOf(st.locationId), st.onHand, st.reserved, st.inTransit, st.damagedOrLost, s.version, s.at],
  );
}

export async function writeIssuance(tx: SqlTx, i: IssuanceState, s: ViewStamp): Promise<void> {
  if (!i) return;
  await tx.query(
    `insert into gift_issuances_v1 (issuance_id, location_id, sku, quantity, reason, member_id, customer_name, customer_mobile, cause_ref,
       entitlement_code, issued_by, issued_at, status, refusal, version)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
     on conflict (issuance_id) do update set status = excluded.status, version = excluded.version
     where gift_issuances_v1.version < excluded.version`,
    [
      i.issuanceId,
      i.locationId,
      i.sku,
      i.quantity,
      i.reason,
      i.memberId ?? null,
      i.customer?.name ?? null,
      i.customer?.mobile ?? null,
      i.causeRef ?? null,
      i.entitlementCode ?? null,
      i.issuedBy,
      i.issuedAt,
      i.status,
      i.refusal ?? null,
      s.version,
    ],
  );
}

interface DocumentRow {
  kind: 'procurement_plan' | 'gift_request' | 'entitlement' | 'stocktake';
  id: string;
  status: string;
  locationId?: string;
  memberId?: string;
  period?: string;
  summary: Record<string, unknown>;
}

async function writeDocument(tx: SqlTx, d: DocumentRow, s: ViewStamp): Promise<void> {
  await tx.query(
    `insert into gift_documents_v1 (kind, id, status, location_id, member_id, period, created_at, updated_at, version, summary)
     values ($1,$2,$3,$4,$5,$6,$7,$7,$8,$9::jsonb)
     on conflict (kind, id) do update set status = excluded.status, location_id = excluded.location_id, member_id = excluded.member_id,
       period = excluded.period, updated_at = excluded.updated_at, version = excluded.version, summary = excluded.summary
     where gift_documents_v1.version < excluded.version`,
    [d.kind, d.id, d.status, d.locationId ?? null, d.memberId ?? null, d.period ?? null, s.at, s.version, JSON.stringify(d.summary)],
  );
}

export async function writePlan(tx: SqlTx, p: ProcurementPlanState, s: ViewStamp): Promise<void> {
  if (!p) return;
  const { status, planId, period, ...summary } = p;
  await writeDocument(tx, { kind: 'procurement_plan', id: planId, status, period, summary }, s);
}

export async function writeRequest(tx: SqlTx, r: GiftRequestState, s: ViewStamp): Promise<void> {
  if (!r) return;
  const { status, requestId, storeId, ...summary } = r;
  await writeDocument(tx, { kind: 'gift_request', id: requestId, status, locationId: storeId, summary }, s);
}

export async function writeEntitlement(tx: SqlTx, e: EntitlementState, s: ViewStamp): Promise<void> {
  if (!e) return;
  const { status, code, memberId, ...summary } = e;
  await writeDocument(tx, { kind: 'entitlement', id: code, status, memberId, locationId: e.redeemedStoreId, summary }, s);
}

export async function writeStocktake(tx: SqlTx, t: StocktakeState, s: ViewStamp): Promise<void> {
  if (!t) return;
  const { status, stocktakeId, locationId, period, pinned: _pinned, counts: _counts, ...summary } = t;
  const confirmedAt = status === 'confirmed' ? s.at.toISOString() : undefined;
  await writeDocument(tx, { kind: 'stocktake', id: stocktakeId, status, locationId, period, summary: { ...summary, confirmedAt } }, s);
}
