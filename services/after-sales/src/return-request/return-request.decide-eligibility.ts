import { compact } from '@cs/eventstore';
import { customerIfGiven, itemsOf, requireCustomer, requireItems, requireText, stamp } from '../common/after-sales.guards.js';
import { categoryOf, paidFor } from '../common/after-sales.values.js';
import { receivedInFuture, returnWindowEndsAt, warrantyRepairApplies, withinWindow } from '../policy/return-window.policy.js';
import type { ApproveReturn, FileReturn, RejectReturn } from './return-request.commands.js';
import { notReturnable, reasonNotAllowed, receivedInTheFuture, returnWindowPassed } from './return-request.errors.js';
import type { ReturnRequestEvent } from './return-request.events.js';
import type { ReturnRequest } from './return-request.state.js';

/**
 * Eligibility is checked at filing against the terms in force (R58, R59): a request past its
 * window is refused here, naming the window's end. A complaint's compensation was decided by
 * the complaint: it skips the window and the reason rules, and may come without items.
 */
export function decideFile(command: FileReturn): ReturnRequestEvent[] {
  requireText(command.storeId, 'storeId');
  requireText(command.description, 'description');
  const fromCompensation = command.origin === 'complaint_compensation';
  // a complaint's compensation reaches the customer through the complaint, which holds the contact
  const customer = fromCompensation ? customerIfGiven(command.customer) : requireCustomer(command.memberId, command.customer);
  if (fromCompensation && !command.compensation) requireText(undefined, 'compensation');
  if (!fromCompensation) {
    requireText(command.orderRef, 'orderRef');
    requireText(command.receivedOn, 'receivedOn');
  }
  requireItems(command.items, { allowEmpty: fromCompensation });
  const { terms } = command;
  const windowEndsAt = command.receivedOn ? returnWindowEndsAt(command.receivedOn, terms) : undefined;
  if (!fromCompensation) {
    if (receivedInFuture(command.receivedOn!, command.now, terms.timezone)) throw receivedInTheFuture(command.receivedOn!);
    if (!withinWindow(command.now, windowEndsAt!)) {
      throw returnWindowPassed(windowEndsAt!, warrantyRepairApplies(command.reason, command.warranty));
    }
    if (!terms.allowedReasons.includes(command.reason)) throw reasonNotAllowed(command.reason);
    const excluded = command.items.find((i) => terms.nonReturnableCategories.includes(categoryOf(i)));
    if (excluded && command.reason !== 'quality') throw notReturnable(excluded.sku, categoryOf(excluded));
  }
  return [
    {
      type: 'ReturnRequested',
      data: compact({
        requestId: command.requestId,
        requestNo: command.requestNo,
        type: command.requestType,
        storeId: command.storeId,
        regionId: command.regionId,
        memberId: command.memberId,
        customer,
        orderRef: command.orderRef,
        receivedOn: command.receivedOn,
        items: itemsOf(command),
        reason: command.reason,
        description: command.description,
        warranty: command.warranty,
        linkedComplaintId: command.linkedComplaintId ?? command.compensation?.complaintId,
        origin: command.origin,
        compensation: command.compensation ? compact({ ...command.compensation }) : undefined,
        policyVersion: terms.version,
        windowEndsAt,
        refundCeiling: command.compensation?.amount ?? paidFor(command.items),
        goodsPresent: command.goodsPresent ?? false,
        requestedAt: command.now,
        ...stamp(command),
      }),
    },
  ];
}

export function decideApprove(command: ApproveReturn, state: ReturnRequest): ReturnRequestEvent[] {
  return [{ type: 'ReturnApproved', data: compact({ note: command.note, goodsExpected: state.items.length > 0, requestType: state.type, ...stamp(command) }) }];
}

/** A refusal for the window names its end and offers the warranty repair where it applies. */
export function decideReject(command: RejectReturn, state: ReturnRequest): ReturnRequestEvent[] {
  const forWindow = command.reason === 'window_expired';
  return [
    {
      type: 'ReturnRejected',
      data: compact({
        reason: command.reason,
        note: command.note,
        windowEndsAt: forWindow ? state.windowEndsAt : undefined,
        warrantyRepairOffered: forWindow && warrantyRepairApplies(state.reason, state.warranty),
        ...stamp(command),
      }),
    },
  ];
}
