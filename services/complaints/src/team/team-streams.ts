import { aggregateStream } from '@cs/eventstore';
import { callbackDecider, callbackStreamId, CALLBACK_STREAM_TYPE } from '../callback/callback.decider.js';
import { caseEntryDecider, caseEntryStreamId, CASE_ENTRY_STREAM_TYPE } from '../case-entry/case-entry.decider.js';
import { staffComplaintDecider, staffComplaintStreamId, STAFF_COMPLAINT_STREAM_TYPE } from '../staff-complaint/staff-complaint.decider.js';
import { surveyDecider, surveyStreamId, SURVEY_STREAM_TYPE } from '../survey/survey.decider.js';
import { surveyResponseDecider, surveyResponseStreamId, SURVEY_RESPONSE_STREAM_TYPE } from '../survey-response/survey-response.decider.js';

/** The team aggregates' streams: `.spec(id)` for commands, `.load(host, id)` for reads. */
export const callbackStream = aggregateStream({ decider: callbackDecider, streamType: CALLBACK_STREAM_TYPE, streamId: callbackStreamId });
export const staffComplaintStream = aggregateStream({ decider: staffComplaintDecider, streamType: STAFF_COMPLAINT_STREAM_TYPE, streamId: staffComplaintStreamId });
export const surveyStream = aggregateStream({ decider: surveyDecider, streamType: SURVEY_STREAM_TYPE, streamId: surveyStreamId });
export const surveyResponseStream = aggregateStream({ decider: surveyResponseDecider, streamType: SURVEY_RESPONSE_STREAM_TYPE, streamId: surveyResponseStreamId });
export const caseEntryStream = aggregateStream({ decider: caseEntryDecider, streamType: CASE_ENTRY_STREAM_TYPE, streamId: caseEntryStreamId });
