import { compact } from '@cs/eventstore';
import type { CaseEntryActor, CaseEntryCommand, DraftCaseEntry, ReviseCaseEntry } from './case-entry.commands.js';
import {
  caseEntryAlreadyExists,
  caseEntryFieldRequired,
  caseEntryNotFound,
  complaintNotClosedForCase,
  notCaseReviewer,
  nothingToRevise,
} from './case-entry.errors.js';
import type { CaseEntryEvent } from './case-entry.events.js';
import { caseEntryLifecycle } from './case-entry.lifecycle.js';
import { redactPersonalData } from './case-entry.redaction.js';
import type { CaseEntry, CaseEntryState } from './case-entry.state.js';
import { CASE_REVIEWER_ROLES, normaliseKeywords } from './case-entry.values.js';

export function decideCaseEntry(command: CaseEntryCommand, state: CaseEntryState): CaseEntryEvent[] {
  if (command.type === 'DraftCaseEntry') {
    if (state) throw caseEntryAlreadyExists(command.caseId);
    return decideDraft(command);
  }
  if (!state) throw caseEntryNotFound(command.caseId);
  caseEntryLifecycle.require(command.type, state.status);
  const stamp = { at: command.now, by: command.actor.id };
  switch (command.type) {
    case 'ReviseCaseEntry':
      return decideRevise(command, state);
    case 'PublishCaseEntry':
      requireReviewer(command.actor);
      return [{ type: 'CaseEntryPublished', data: compact({ note: command.note, ...stamp }) }];
    case 'RetireCaseEntry':
      requireReviewer(command.actor);
      if (!command.reason?.trim()) throw caseEntryFieldRequired('reason');
      return [{ type: 'CaseEntryRetired', data: { reason: command.reason, ...stamp } }];
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unhandled command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

function requireReviewer(actor: CaseEntryActor): void {
  if (!(CASE_REVIEWER_ROLES as readonly string[]).includes(actor.role)) throw notCaseReviewer(actor.id);
}

/** R96: the library never holds personal data; the draft's texts are stripped before they are stored. */
function decideDraft(command: DraftCaseEntry): CaseEntryEvent[] {
  const c = command.fromComplaint;
  if (!c.closed) throw complaintNotClosedForCase(c.complaintId);
  const redact = (text: string) => redactPersonalData(text, c.personalNames);
  const summary = redact(c.description);
  return [
    {
      type: 'CaseEntryDrafted',
      data: compact({
        caseId: command.caseId,
        fromComplaintId: c.complaintId,
        category: c.category,
        storeId: c.storeId,
        regionId: c.regionId,
        title: redact(command.title?.trim() || summary.slice(0, 80)),
        summary,
        resolution: redact(c.resolution ?? ''),
        keywords: normaliseKeywords([...(command.keywords ?? []), ...(c.category ? [c.category] : [])]),
        at: command.now,
        by: command.actor.id,
      }),
    },
  ];
}

/** A reviewer's edit of a draft; personal data typed in by hand is stripped as well. */
function decideRevise(command: ReviseCaseEntry, state: CaseEntry): CaseEntryEvent[] {
  const redact = (text: string | undefined) => (text === undefined ? undefined : redactPersonalData(text));
  if (command.title !== undefined && !command.title.trim()) throw caseEntryFieldRequired('title');
  const changes = compact({
    title: redact(command.title),
    summary: redact(command.summary),
    resolution: redact(command.resolution),
    keywords: command.keywords ? normaliseKeywords(command.keywords) : undefined,
  });
  const changed = Object.entries(changes).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(state[key as keyof CaseEntry]));
  if (!changed.length) throw nothingToRevise();
  return [{ type: 'CaseEntryRevised', data: { ...Object.fromEntries(changed), at: command.now, by: command.actor.id } }];
}
