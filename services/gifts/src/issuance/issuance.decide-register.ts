import { compact } from '@cs/eventstore';
import { stamp } from '../shared/gifts-actor.js';
import type { IssueGift, RefuseIssuance, ReverseIssuance } from './issuance.commands.js';
import {
  issuanceCauseRequired,
  issuanceEntitlementRequired,
  issuanceMemberRequired,
  issuanceQuantityInvalid,
  issuanceReasonRequired,
  issuanceRecipientRequired,
} from './issuance.errors.js';
import type { IssuanceEvent } from './issuance.events.js';
import { REASON_NEEDS } from './issuance.values.js';

/**
 * The register line and what its reason must name. The cross-record guards (stock, one birthday
 * gift a year, a granted compensation, an entitlement redeemed once) are the other aggregates'
 * deciders, run in the same transaction.
 */
export function decideIssueGift(command: IssueGift): IssuanceEvent[] {
  if (!Number.isInteger(command.quantity) || command.quantity <= 0) throw issuanceQuantityInvalid(command.quantity);
  const member = command.memberId?.trim();
  const customer = command.customer?.name?.trim() && command.customer?.mobile?.trim() ? command.customer : undefined;
  if (!member && !customer) throw issuanceRecipientRequired();
  const needs = REASON_NEEDS[command.reason];
  if (needs.member && !member) throw issuanceMemberRequired(command.reason);
  if (needs.causeRef && !command.causeRef?.trim()) throw issuanceCauseRequired(command.reason, needs.causeRef);
  if (needs.entitlement && !command.entitlementCode?.trim()) throw issuanceEntitlementRequired(command.reason);
  return [
    {
      type: 'GiftIssued',
      data: compact({
        issuanceId: command.issuanceId,
        locationId: command.locationId,
        sku: command.sku,
        quantity: command.quantity,
        reason: command.reason,
        memberId: member ? command.memberId : undefined,
        customer: member ? undefined : customer && { name: customer.name, mobile: customer.mobile },
        causeRef: command.causeRef,
        entitlementCode: command.entitlementCode,
        note: command.note,
        ...stamp(command),
      }),
    },
  ];
}

/** The customer gave it back; the stock is put back by the ledger in the same transaction. */
export function decideReverseIssuance(command: ReverseIssuance): IssuanceEvent[] {
  if (!command.reason?.trim()) throw issuanceReasonRequired();
  return [{ type: 'GiftIssuanceReversed', data: { reason: command.reason, ...stamp(command) } }];
}

/** Records why a requested issuance could not happen, under the id it would have had. */
export function decideRefuseIssuance(command: RefuseIssuance): IssuanceEvent[] {
  const { type: _t, now: _n, actor: _a, ...fields } = command;
  return [{ type: 'GiftIssuanceRefused', data: compact({ ...fields, ...stamp(command) }) }];
}
