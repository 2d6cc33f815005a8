import type { Actor } from '@cs/eventstore';

export type CaseEntryActor = Pick<Actor, 'id' | 'role' | 'name'>;

interface CommandBase {
  caseId: string;
  now: string;
  actor: CaseEntryActor;
}

/** Drafted from a closed complaint: the service passes the complaint's facts and the names to strip. */
export interface DraftCaseEntry extends CommandBase {
  type: 'DraftCaseEntry';
  fromComplaint: {
    complaintId: string;
    closed: boolean;
    category?: string;
    storeId: string;
    regionId?: string;
    description: string;
    resolution?: string;
    personalNames: string[];
  };
  title?: string;
  keywords?: string[];
}

export interface ReviseCaseEntry extends CommandBase {
  type: 'ReviseCaseEntry';
  title?: string;
  summary?: string;
  resolution?: string;
  keywords?: string[];
}

export interface PublishCaseEntry extends CommandBase {
  type: 'PublishCaseEntry';
  note?: string;
}

export interface RetireCaseEntry extends CommandBase {
  type: 'RetireCaseEntry';
  reason: string;
}

export type CaseEntryCommand = DraftCaseEntry | ReviseCaseEntry | PublishCaseEntry | RetireCaseEntry;
