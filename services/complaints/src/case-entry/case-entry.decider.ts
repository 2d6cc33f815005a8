import type { Decider } from '@cs/eventstore';
import type { CaseEntryCommand } from './case-entry.commands.js';
import { decideCaseEntry } from './case-entry.decide.js';
import type { CaseEntryEvent } from './case-entry.events.js';
import { evolveCaseEntry } from './case-entry.evolve.js';
import { initialCaseEntryState, type CaseEntryState } from './case-entry.state.js';

export const CASE_ENTRY_STREAM_TYPE = 'case-entry';

export const caseEntryStreamId = (caseId: string): string => `${CASE_ENTRY_STREAM_TYPE}-${caseId}`;

export const caseEntryDecider: Decider<CaseEntryState, CaseEntryCommand, CaseEntryEvent> = {
  decide: decideCaseEntry,
  evolve: evolveCaseEntry,
  initialState: initialCaseEntryState,
};
