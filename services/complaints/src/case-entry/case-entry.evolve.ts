import type { CaseEntryEvent } from './case-entry.events.js';
import { caseEntryLifecycle } from './case-entry.lifecycle.js';
import type { CaseEntry, CaseEntryState } from './case-entry.state.js';

export function evolveCaseEntry(state: CaseEntryState, event: CaseEntryEvent): CaseEntryState {
  if (event.type === 'CaseEntryDrafted') {
    const { at, by, ...d } = event.data;
    return { ...d, status: caseEntryLifecycle.statusAfter(event, undefined), draftedAt: at, draftedBy: by, updatedAt: at };
  }
  if (!state) return state;
  const s: CaseEntry = { ...state, status: caseEntryLifecycle.statusAfter(event, state.status), updatedAt: event.data.at };
  switch (event.type) {
    case 'CaseEntryRevised': {
      const { at: _at, by: _by, ...changes } = event.data;
      return { ...s, ...changes };
    }
    case 'CaseEntryPublished':
      return { ...s, publishedAt: event.data.at, publishedBy: event.data.by };
    case 'CaseEntryRetired':
      return { ...s, retiredReason: event.data.reason };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
