import type { Event } from '@cs/eventstore';

export interface CaseContent {
  title: string;
  /** The problem, with personal data stripped. */
  summary: string;
  /** How it was solved, with personal data stripped. */
  resolution: string;
  keywords: string[];
}

export type CaseEntryDrafted = Event<
  'CaseEntryDrafted',
  CaseContent & { caseId: string; fromComplaintId: string; category?: string; storeId: string; regionId?: string; at: string; by: string }
>;
export type CaseEntryRevised = Event<'CaseEntryRevised', Partial<CaseContent> & { at: string; by: string }>;
export type CaseEntryPublished = Event<'CaseEntryPublished', { note?: string; at: string; by: string }>;
export type CaseEntryRetired = Event<'CaseEntryRetired', { reason: string; at: string; by: string }>;

export type CaseEntryEvent = CaseEntryDrafted | CaseEntryRevised | CaseEntryPublished | CaseEntryRetired;
