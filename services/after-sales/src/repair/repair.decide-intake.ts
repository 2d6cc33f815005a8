import { compact } from '@cs/eventstore';
import { customerIfGiven, itemsOf, requireCustomer, requireItems, requireText, stamp } from '../common/after-sales.guards.js';
import { unitsOf } from '../common/after-sales.values.js';
import { turnaroundDueAt, visitDueAt } from '../policy/repair-due.policy.js';
import { returnWindowEndsAt } from '../policy/return-window.policy.js';
import type { FileRepair, ReceiveRepairItem } from './repair.commands.js';
import { visitTimeInPast, visitTimeOnlyOnSite } from './repair.errors.js';
import type { RepairEvent } from './repair.events.js';
import type { Repair } from './repair.state.js';

/** Repair intake (R75: customer, product, fault, warranty). An on-site repair's clock starts at the call. */
export function decideFile(command: FileRepair): RepairEvent[] {
  requireText(command.storeId, 'storeId');
  requireText(command.description, 'description');
  const fromCompensation = command.origin === 'complaint_compensation';
  // a complaint's compensation reaches the customer through the complaint, which holds the contact
  const customer = fromCompensation ? customerIfGiven(command.customer) : requireCustomer(command.memberId, command.customer);
  if (fromCompensation && !command.compensation) requireText(undefined, 'compensation');
  requireItems(command.items, { allowEmpty: fromCompensation });
  const onSite = command.serviceMode === 'on_site';
  if (command.visitAt !== undefined && !onSite) throw visitTimeOnlyOnSite();
  if (command.visitAt !== undefined && Date.parse(command.visitAt) < Date.parse(command.now)) throw visitTimeInPast(command.visitAt);
  const { terms } = command;
  const events: RepairEvent[] = [
    {
      type: 'RepairRegistered',
      data: compact({
        requestId: command.requestId,
        requestNo: command.requestNo,
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
        serviceMode: command.serviceMode,
        reportedBy: command.reportedBy ?? 'end_user',
        units: Math.max(1, unitsOf(command.items)),
        policyVersion: terms.version,
        windowEndsAt: command.receivedOn ? returnWindowEndsAt(command.receivedOn, terms) : undefined,
        visitAt: command.visitAt,
        registeredAt: command.now,
        ...stamp(command),
      }),
    },
  ];
  if (onSite) {
    events.push({
      type: 'RepairVisitScheduled',
      data: compact({ visitAt: command.visitAt, dueAt: visitDueAt(command.now, command.visitAt, terms), policyVersion: terms.version, ...stamp(command) }),
    });
  }
  return events;
}

/** Carry-in, mail-in, salesperson: the turnaround clock starts when the item is in (R69). */
export function decideReceive(command: ReceiveRepairItem, state: Repair): RepairEvent[] {
  return [
    {
      type: 'RepairItemReceived',
      data: compact({
        receivedAt: command.now,
        dueAt: turnaroundDueAt(command.now, state.units, command.terms),
        policyVersion: command.terms.version,
        accessoriesIncluded: command.accessoriesIncluded,
        invoiceIncluded: command.invoiceIncluded,
        waybillNo: command.waybillNo,
        ...stamp(command),
      }),
    },
  ];
}
