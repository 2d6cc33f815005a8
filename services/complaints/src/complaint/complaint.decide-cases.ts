import { compact } from '@cs/eventstore';
import type { MergeComplaint, RecordMergedCase, SplitComplaint, UnmergeComplaint } from './complaint.commands.js';
import { complaintNotMerged, invalidMerge } from './complaint.errors.js';
import { stamp, type ComplaintEvent } from './complaint.events.js';
import { requireOwnerIfAssigned, type Complaint } from './complaint.state.js';
import { requireText } from './complaint.values.js';

/**
 * Merge and split (§1.3): a duplicate is merged into the case that goes on (both keep their
 * history, the duplicate's clocks stop, its customer is told); a part is split out into a new case
 * with its own clocks. Each is undone by the opposite action: unmerge, or merging the part back.
 */
export function decideMergeComplaint(command: MergeComplaint, state: Complaint): ComplaintEvent[] {
  requireOwnerIfAssigned(state, command.actor);
  const into = requireText(command.intoComplaintId, 'intoComplaintId');
  if (into === state.complaintId) throw invalidMerge('A case cannot be merged into itself');
  if (state.mergedCases.includes(into)) throw invalidMerge(`Complaint ${into} is merged into this case; unmerge it first`);
  requireText(command.note, 'note');
  requireText(command.customerMessage, 'customerMessage');
  return [
    {
      type: 'ComplaintMerged',
      data: { intoComplaintId: into, note: command.note, customerMessage: command.customerMessage, ...stamp(command) },
    },
  ];
}

export function decideUnmergeComplaint(command: UnmergeComplaint, state: Complaint): ComplaintEvent[] {
  if (!state.mergedInto) throw complaintNotMerged(state.complaintId);
  requireOwnerIfAssigned(state, command.actor);
  requireText(command.note, 'note');
  return [
    {
      type: 'ComplaintUnmerged',
      data: compact({ fromComplaintId: state.mergedInto, note: command.note, ...command.sla, ...stamp(command) }),
    },
  ];
}

/** Recorded on the case that goes on; a repeat of what is already recorded is a no-op (redelivery). */
export function decideRecordMergedCase(command: RecordMergedCase, state: Complaint): ComplaintEvent[] {
  const id = requireText(command.mergedComplaintId, 'mergedComplaintId');
  if (id === state.complaintId) throw invalidMerge('A case cannot be merged into itself');
  const present = state.mergedCases.includes(id);
  if ((command.action === 'merged') === present) return [];
  return [{ type: 'MergedCaseRecorded', data: { mergedComplaintId: id, action: command.action, ...stamp(command) } }];
}

export function decideSplitComplaint(command: SplitComplaint, state: Complaint): ComplaintEvent[] {
  requireOwnerIfAssigned(state, command.actor);
  const id = requireText(command.newComplaintId, 'newComplaintId');
  if (id === state.complaintId) throw invalidMerge('The part split out needs a new case id');
  if (state.splitOff.includes(id)) return [];
  requireText(command.description, 'description');
  return [
    {
      type: 'ComplaintSplit',
      data: compact({ newComplaintId: id, description: command.description, note: command.note, ...stamp(command) }),
    },
  ];
}
