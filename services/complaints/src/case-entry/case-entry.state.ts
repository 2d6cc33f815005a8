import type { CaseContent } from './case-entry.events.js';
import type { CaseEntryStatus } from './case-entry.lifecycle.js';

export interface CaseEntry extends CaseContent {
  caseId: string;
  status: CaseEntryStatus;
  fromComplaintId: string;
  category?: string;
  storeId: string;
  regionId?: string;
  draftedAt: string;
  draftedBy: string;
  publishedAt?: string;
  publishedBy?: string;
  retiredReason?: string;
  updatedAt: string;
}

export type CaseEntryState = CaseEntry | null;

export const initialCaseEntryState = (): CaseEntryState => null;
