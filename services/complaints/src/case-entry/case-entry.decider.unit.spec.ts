import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { CaseEntryActor, CaseEntryCommand, DraftCaseEntry } from './case-entry.commands.js';
import { caseEntryDecider } from './case-entry.decider.js';
import type { CaseEntryEvent } from './case-entry.events.js';

const spec = DeciderSpecification(caseEntryDecider);
const ID = 'case-1';
const T0 = '2026-03-06T03:00:00.000Z';
const T1 = '2026-03-06T08:00:00.000Z';
const agent: CaseEntryActor = { id: 'agent-1', role: 'hq_cs_agent' };
const manager: CaseEntryActor = { id: 'mgr-1', role: 'hq_cs_manager' };

function draft(overrides: Partial<DraftCaseEntry['fromComplaint']> = {}, extra: Partial<DraftCaseEntry> = {}): DraftCaseEntry {
  return {
    type: 'DraftCaseEntry',
    caseId: ID,
    fromComplaint: {
      complaintId: 'c-9',
      closed: true,
      category: 'PRODUCT_QUALITY',
      storeId: 'S001',
      regionId: 'R1',
      description: 'Wang Fang (13912345678) says the jacket seam split after one wash',
      resolution: 'Exchanged the jacket; called Wang Fang back',
      personalNames: ['Wang Fang'],
    },
    keywords: ['Seam', 'jacket', ' '],
    now: T0,
    actor: agent,
    ...extra,
    ...(Object.keys(overrides).length ? { fromComplaint: { ...draft().fromComplaint, ...overrides } } : {}),
  };
}

const drafted: CaseEntryEvent = {
  type: 'CaseEntryDrafted',
  data: {
    caseId: ID,
    fromComplaintId: 'c-9',
    category: 'PRODUCT_QUALITY',
    storeId: 'S001',
    regionId: 'R1',
    title: '[redacted] ([redacted]) says the jacket seam split after one wash',
    summary: '[redacted] ([redacted]) says the jacket seam split after one wash',
    resolution: 'Exchanged the jacket; called [redacted] back',
    keywords: ['seam', 'jacket', 'product_quality'],
    at: T0,
    by: agent.id,
  },
};

const cmd = <T extends CaseEntryCommand['type']>(type: T, fields: Omit<Extract<CaseEntryCommand, { type: T }>, 'type' | 'caseId' | 'now' | 'actor'>, actor = manager) =>
  ({ type, caseId: ID, now: T1, actor, ...fields }) as Extract<CaseEntryCommand, { type: T }>;

describe('Case library entry', () => {
  describe('when drafted from a closed complaint', () => {
    it('should strip personal data from every text and normalise the keywords', () => {
      spec.given([]).when(draft()).then([drafted]);
    });

    it('should refuse a complaint that is not closed', () => {
      spec.given([]).when(draft({ closed: false })).thenThrows(DomainError, 'CASE_ENTRY_COMPLAINT_NOT_CLOSED');
    });

    it('should refuse a second draft of the same case', () => {
      spec.given([drafted]).when(draft()).thenThrows(DomainError, 'CASE_ENTRY_ALREADY_EXISTS');
    });
  });

  describe('when revised', () => {
    it('should keep only the fields that change, stripped', () => {
      spec
        .given([drafted])
        .when(cmd('ReviseCaseEntry', { title: 'Seam split after washing, call 13800001111', keywords: ['seam', 'jacket', 'product_quality'] }, agent))
        .then([{ type: 'CaseEntryRevised', data: { title: 'Seam split after washing, call [redacted]', at: T1, by: agent.id } }]);
    });

    it('should refuse an empty revision and a blank title', () => {
      spec.given([drafted]).when(cmd('ReviseCaseEntry', {}, agent)).thenThrows(DomainError, 'CASE_ENTRY_NOTHING_TO_REVISE');
      spec.given([drafted]).when(cmd('ReviseCaseEntry', { title: ' ' }, agent)).thenThrows(DomainError, 'CASE_ENTRY_FIELD_REQUIRED');
    });

    it('should refuse revising a published case', () => {
      const published: CaseEntryEvent = { type: 'CaseEntryPublished', data: { at: T1, by: manager.id } };
      spec.given([drafted, published]).when(cmd('ReviseCaseEntry', { title: 'x' })).thenThrows(DomainError, 'CASE_ENTRY_INVALID_TRANSITION');
    });
  });

  describe('when the weekly review publishes or retires it', () => {
    it('should publish a draft, by a manager only', () => {
      spec.given([drafted]).when(cmd('PublishCaseEntry', { note: 'week 10' })).then([{ type: 'CaseEntryPublished', data: { note: 'week 10', at: T1, by: manager.id } }]);
      spec.given([drafted]).when(cmd('PublishCaseEntry', {}, agent)).thenThrows(DomainError, 'CASE_ENTRY_NOT_REVIEWER');
      expect(fold(caseEntryDecider, [drafted, { type: 'CaseEntryPublished', data: { at: T1, by: manager.id } }])?.status).toBe('published');
    });

    it('should refuse publishing twice', () => {
      const published: CaseEntryEvent = { type: 'CaseEntryPublished', data: { at: T1, by: manager.id } };
      spec.given([drafted, published]).when(cmd('PublishCaseEntry', {})).thenThrows(DomainError, 'CASE_ENTRY_INVALID_TRANSITION');
    });

    it('should retire with a reason, and nothing after that', () => {
      const retired: CaseEntryEvent = { type: 'CaseEntryRetired', data: { reason: 'policy changed', at: T1, by: manager.id } };
      spec.given([drafted]).when(cmd('RetireCaseEntry', { reason: 'policy changed' })).then([retired]);
      spec.given([drafted]).when(cmd('RetireCaseEntry', { reason: '' })).thenThrows(DomainError, 'CASE_ENTRY_FIELD_REQUIRED');
      spec.given([drafted, retired]).when(cmd('RetireCaseEntry', { reason: 'again' })).thenThrows(DomainError, 'CASE_ENTRY_INVALID_TRANSITION');
    });

    it('should refuse actions on an unknown case', () => {
      spec.given([]).when(cmd('PublishCaseEntry', {})).thenThrows(DomainError, 'CASE_ENTRY_NOT_FOUND');
    });
  });
});
