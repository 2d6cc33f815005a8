import { giftInactive, giftNotFound } from '../gift/gift.errors.js';
import type { Gift } from '../gift/gift.state.js';
import { locationKindOf } from '../stock/stock.values.js';
import { streams } from './streams.js';
import type { UnitOfWork } from './unit-of-work.js';

/** The catalogue item (read in the unit, not written): 404 when unknown, 422 when inactive and `active` is required. */
export async function requireGift(unit: UnitOfWork, sku: string, active = true): Promise<Gift> {
  const gift = await unit.load(streams.gift(sku));
  if (!gift) throw giftNotFound(sku);
  if (active && gift.status !== 'active') throw giftInactive(sku);
  return gift;
}

/** The minimum stock of a SKU for the kind of location (the low-stock threshold). */
export async function minimumAt(unit: UnitOfWork, sku: string, locationId: string): Promise<number | undefined> {
  const gift = await unit.load(streams.gift(sku));
  return gift ? gift.minStock[locationKindOf(locationId)] : undefined;
}
