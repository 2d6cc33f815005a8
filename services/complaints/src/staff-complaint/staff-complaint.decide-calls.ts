import { compact } from '@cs/eventstore';
import { filled } from './staff-complaint.values.js';
import type { RecordFirstCall, RecordSecondCall } from './staff-complaint.commands.js';
import { notTeamLead, staffComplaintFieldRequired, unknownStaffComplaintValue } from './staff-complaint.errors.js';
import type { StaffComplaintEvent } from './staff-complaint.events.js';
import type { StaffComplaint } from './staff-complaint.state.js';
import { APPEASEMENT_RESULTS, INITIAL_JUDGEMENTS, TEAM_LEAD_ROLES } from './staff-complaint.values.js';


/** The complaint desk's first call and initial judgement (初判). */
export function decideFirstCall(command: RecordFirstCall): StaffComplaintEvent[] {
  if (!(INITIAL_JUDGEMENTS as readonly string[]).includes(command.judgement)) throw unknownStaffComplaintValue('judgement', command.judgement);
  return [{ type: 'InitialJudgementRecorded', data: compact({ judgement: command.judgement, note: command.note, at: command.now, by: command.actor.id }) }];
}

/**
 * R51: the team lead's second explanation, with the assessment and the appeasement result; on
 * time when made by the deadline. Only the staff member's team lead: the manager of that store.
 */
export function decideSecondCall(command: RecordSecondCall, state: StaffComplaint): StaffComplaintEvent[] {
  const { actor } = command;
  const isLead = (TEAM_LEAD_ROLES as readonly string[]).includes(actor.role) && (actor.role !== 'store_manager' || actor.storeId === state.storeId);
  if (!isLead) throw notTeamLead(actor.id);
  if (!filled(command.assessment)) throw staffComplaintFieldRequired('assessment');
  if (!(APPEASEMENT_RESULTS as readonly string[]).includes(command.appeasementResult)) {
    throw unknownStaffComplaintValue('appeasementResult', command.appeasementResult);
  }
  return [
    {
      type: 'SecondCallRecorded',
      data: compact({
        assessment: command.assessment,
        appeasementResult: command.appeasementResult,
        note: command.note,
        onTime: Date.parse(command.now) <= Date.parse(state.secondCallDueAt),
        at: command.now,
        by: actor.id,
      }),
    },
  ];
}
