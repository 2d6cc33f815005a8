import type { IssueGift } from '../issuance/issuance.commands.js';
import type { Issuance } from '../issuance/issuance.state.js';
import type { GiftsActor } from '../shared/gifts-actor.js';
import { minimumAt, requireGift } from './catalogue-lookup.js';
import { streams } from './streams.js';
import type { UnitOfWork } from './unit-of-work.js';

/**
 * Everything one issuance moves, in one unit: the register line, the location's ledger (never
 * below zero), and the guard its cause needs: the member's birthday allowance for the year, the
 * complaint's granted compensation, or the entitlement redeemed once.
 */
export async function issueInUnit(unit: UnitOfWork, command: IssueGift, year: number): Promise<void> {
  await requireGift(unit, command.sku, false);
  await unit.decide(streams.issuance(command.issuanceId), command);
  const { now, actor } = command;
  const minimum = await minimumAt(unit, command.sku, command.locationId);
  await unit.decide(streams.stock(command.locationId, command.sku), {
    type: 'IssueStock',
    locationId: command.locationId,
    sku: command.sku,
    ref: { kind: 'issuance', id: command.issuanceId },
    quantity: command.quantity,
    minimum,
    now,
    actor,
  });
  if (command.reason === 'birthday' && command.memberId) {
    await unit.decide(streams.birthday(command.memberId, year), { type: 'ClaimBirthdayGift', memberId: command.memberId, year, issuanceId: command.issuanceId, now, actor });
  }
  if (command.entitlementCode) {
    await unit.decide(streams.entitlement(command.entitlementCode), {
      type: 'RedeemEntitlement',
      code: command.entitlementCode,
      storeId: command.locationId,
      issuanceId: command.issuanceId,
      sku: command.sku,
      memberId: command.memberId,
      now,
      actor,
    });
  } else if (command.reason === 'complaint_compensation' && command.causeRef) {
    await unit.decide(streams.compensation(command.causeRef), {
      type: 'FulfilCompensation',
      complaintId: command.causeRef,
      issuanceId: command.issuanceId,
      sku: command.sku,
      quantity: command.quantity,
      now,
      actor,
    });
  }
}

/** The reversal puts the stock back and frees what the issuance used (birthday allowance, compensation grant). */
export async function reverseInUnit(unit: UnitOfWork, issuance: Issuance, reason: string, year: number, now: string, actor: GiftsActor): Promise<void> {
  await unit.decide(streams.issuance(issuance.issuanceId), { type: 'ReverseIssuance', issuanceId: issuance.issuanceId, reason, now, actor });
  await unit.decide(streams.stock(issuance.locationId, issuance.sku), {
    type: 'ReverseIssuedStock',
    locationId: issuance.locationId,
    sku: issuance.sku,
    ref: { kind: 'issuance', id: issuance.issuanceId },
    quantity: issuance.quantity,
    now,
    actor,
  });
  if (issuance.reason === 'birthday' && issuance.memberId) {
    await unit.decide(streams.birthday(issuance.memberId, year), { type: 'ReleaseBirthdayGift', memberId: issuance.memberId, year, issuanceId: issuance.issuanceId, now, actor });
  }
  if (issuance.reason === 'complaint_compensation' && issuance.causeRef && !issuance.entitlementCode) {
    await unit.decide(streams.compensation(issuance.causeRef), { type: 'ReopenCompensation', complaintId: issuance.causeRef, issuanceId: issuance.issuanceId, now, actor });
  }
}
