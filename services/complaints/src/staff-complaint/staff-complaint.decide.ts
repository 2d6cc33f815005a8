import { compact } from '@cs/eventstore';
import { filled } from './staff-complaint.values.js';

import type { FileStaffComplaint, StaffComplaintCommand } from './staff-complaint.commands.js';
import { decideDismiss, decideUphold, decideVerify, decideWithdraw } from './staff-complaint.decide-review.js';
import { decideFirstCall, decideSecondCall } from './staff-complaint.decide-calls.js';
import {
  staffComplaintAlreadyExists,
  staffComplaintCustomerRequired,
  staffComplaintFieldRequired,
  staffComplaintNotFound,
  unknownStaffComplaintValue,
} from './staff-complaint.errors.js';
import type { StaffComplaintEvent } from './staff-complaint.events.js';
import { staffComplaintLifecycle } from './staff-complaint.lifecycle.js';
import type { StaffComplaintState } from './staff-complaint.state.js';
import { STAFF_COMPLAINT_CATEGORIES } from './staff-complaint.values.js';



export function decideStaffComplaint(command: StaffComplaintCommand, state: StaffComplaintState): StaffComplaintEvent[] {
  if (command.type === 'FileStaffComplaint') {
    if (state) throw staffComplaintAlreadyExists(command.staffComplaintId);
    return decideFile(command);
  }
  if (!state) throw staffComplaintNotFound(command.staffComplaintId);
  // The deadline timer may fire after the second call or a closing: nothing to do then.
  if (command.type === 'MarkSecondCallOverdue') {
    const waiting = !state.secondCall && !state.secondCallOverdue && !staffComplaintLifecycle.isTerminal(state.status);
    return waiting ? [{ type: 'SecondCallOverdue', data: { dueAt: state.secondCallDueAt, at: command.now, by: command.actor.id } }] : [];
  }
  staffComplaintLifecycle.require(command.type, state.status);
  switch (command.type) {
    case 'RecordFirstCall':
      return decideFirstCall(command);
    case 'RecordSecondCall':
      return decideSecondCall(command, state);
    case 'VerifyAppeasement':
      return decideVerify(command);
    case 'WithdrawStaffComplaint':
      return decideWithdraw(command, state);
    case 'UpholdStaffComplaint':
      return decideUphold(command, state);
    case 'DismissStaffComplaint':
      return decideDismiss(command);
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

/** R49–R50: the ticket opens, and the staff member and team lead are notified at that instant. */
function decideFile(command: FileStaffComplaint): StaffComplaintEvent[] {
  for (const field of ['storeId', 'staffId', 'staffName', 'channel', 'description'] as const) {
    if (!filled(command[field])) throw staffComplaintFieldRequired(field);
  }
  const category = command.category ?? 'attitude';
  if (!(STAFF_COMPLAINT_CATEGORIES as readonly string[]).includes(category)) throw unknownStaffComplaintValue('category', category);
  const hasCustomer = filled(command.customer?.name) && filled(command.customer?.mobile);
  if (!filled(command.memberId) && !hasCustomer) throw staffComplaintCustomerRequired();
  const stamp = { at: command.now, by: command.actor.id };
  return [
    {
      type: 'StaffComplaintFiled',
      data: compact({
        staffComplaintId: command.staffComplaintId,
        storeId: command.storeId,
        regionId: command.regionId,
        staffId: command.staffId,
        staffName: command.staffName,
        teamLeadId: command.teamLeadId,
        memberId: command.memberId,
        customer: hasCustomer ? { name: command.customer!.name, mobile: command.customer!.mobile } : undefined,
        channel: command.channel,
        category,
        description: command.description,
        firstContactNote: command.firstContactNote,
        secondCallDueAt: command.secondCallDueAt,
        ...stamp,
      }),
    },
    {
      type: 'StaffComplaintNotified',
      data: {
        recipients: [
          { role: 'staff', id: command.staffId, channels: ['note'] },
          { role: 'team_lead', ...(command.teamLeadId ? { id: command.teamLeadId } : {}), channels: ['note', 'sms'] },
        ],
        ...stamp,
      },
    },
  ];
}
