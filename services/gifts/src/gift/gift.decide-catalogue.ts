import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { DefineGift, UpdateGift } from './gift.commands.js';
import { giftValueInvalid } from './gift.errors.js';
import type { GiftEvent } from './gift.events.js';
import type { Gift } from './gift.state.js';
import type { GiftDetails } from './gift.values.js';

function requireCounts(values: Partial<Record<string, number | undefined>>): void {
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw giftValueInvalid(field);
  }
}

function requireValues(c: Partial<GiftDetails>): void {
  requireCounts({ unitCost: c.unitCost, pointsPrice: c.pointsPrice, 'minStock.hq': c.minStock?.hq, 'minStock.store': c.minStock?.store });
}

export function decideDefineGift(command: DefineGift): GiftEvent[] {
  requireValues(command);
  const { type: _t, now: _n, actor: _a, ...details } = command;
  return [{ type: 'GiftDefined', data: compact({ ...details, highValue: command.highValue ?? false, ...stamp(command) }) }];
}

/** Only what changes is recorded; activation is its own event so the status follows it. */
export function decideUpdateGift(command: UpdateGift, gift: Gift): GiftEvent[] {
  requireValues(command);
  const { type: _t, now: _n, actor: _a, sku: _s, active, ...fields } = command;
  const changes = Object.fromEntries(
    Object.entries(compact(fields)).filter(([key, value]) => JSON.stringify(gift[key as keyof Gift]) !== JSON.stringify(value)),
  ) as Partial<GiftDetails>;
  const events: GiftEvent[] = [];
  if (Object.keys(changes).length) events.push({ type: 'GiftUpdated', data: { ...changes, ...stamp(command) } });
  if (active === false && gift.status === 'active') events.push({ type: 'GiftDeactivated', data: stamp(command) });
  if (active === true && gift.status === 'inactive') events.push({ type: 'GiftReactivated', data: stamp(command) });
  return events;
}
