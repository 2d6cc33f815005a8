import { fold, type Decider, type Event, type RecordedEvent, type StreamSpec } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { callbackDecider, callbackStreamId, CALLBACK_STREAM_TYPE } from '../callback/callback.decider.js';
import { caseEntryDecider, caseEntryStreamId, CASE_ENTRY_STREAM_TYPE } from '../case-entry/case-entry.decider.js';
import { staffComplaintDecider, staffComplaintStreamId, STAFF_COMPLAINT_STREAM_TYPE } from '../staff-complaint/staff-complaint.decider.js';
import { surveyDecider, surveyStreamId, SURVEY_STREAM_TYPE } from '../survey/survey.decider.js';
import { surveyResponseDecider, surveyResponseStreamId, SURVEY_RESPONSE_STREAM_TYPE } from '../survey-response/survey-response.decider.js';

/** One aggregate's stream: the command spec and the fold for reads. */
export interface TeamStream<S, C, E extends Event> {
  spec(id: string): StreamSpec<S, C, E>;
  load(host: ServiceHost, id: string): Promise<{ state: S; version: number; events: RecordedEvent[] }>;
}

function teamStream<S, C, E extends Event>(decider: Decider<S, C, E>, streamType: string, streamId: (id: string) => string): TeamStream<S, C, E> {
  return {
    spec: (id) => ({ streamId: streamId(id), streamType, decider }),
    async load(host, id) {
      const read = await host.store.readStream(streamId(id));
      return { state: fold(decider, read.events as unknown as E[]), version: read.version, events: read.events };
    },
  };
}

export const callbackStream = teamStream(callbackDecider, CALLBACK_STREAM_TYPE, callbackStreamId);
export const staffComplaintStream = teamStream(staffComplaintDecider, STAFF_COMPLAINT_STREAM_TYPE, staffComplaintStreamId);
export const surveyStream = teamStream(surveyDecider, SURVEY_STREAM_TYPE, surveyStreamId);
export const surveyResponseStream = teamStream(surveyResponseDecider, SURVEY_RESPONSE_STREAM_TYPE, surveyResponseStreamId);
export const caseEntryStream = teamStream(caseEntryDecider, CASE_ENTRY_STREAM_TYPE, caseEntryStreamId);
