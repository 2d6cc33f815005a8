import { defineLifecycle } from '@cs/eventstore';
import type { CaseEntryCommand } from './case-entry.commands.js';
import type { CaseEntryEvent } from './case-entry.events.js';

export const CASE_ENTRY_STATUSES = ['draft', 'published', 'retired'] as const;
export type CaseEntryStatus = (typeof CASE_ENTRY_STATUSES)[number];

/** draft (revisable) ─weekly review─▶ published ─▶ retired. */
export const caseEntryLifecycle = defineLifecycle<CaseEntryStatus, CaseEntryCommand, CaseEntryEvent>({
  name: 'case entry',
  statuses: CASE_ENTRY_STATUSES,
  terminal: ['retired'],
  commands: { DraftCaseEntry: 'create', ReviseCaseEntry: ['draft'], PublishCaseEntry: ['draft'], RetireCaseEntry: ['draft', 'published'] },
  events: { CaseEntryDrafted: 'draft', CaseEntryRevised: 'unchanged', CaseEntryPublished: 'published', CaseEntryRetired: 'retired' },
});
