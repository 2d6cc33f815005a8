import type { Decider } from '@cs/eventstore';
import type { SurveyResponseCommand } from './survey-response.commands.js';
import { decideSurveyResponse } from './survey-response.decide.js';
import type { SurveyResponseEvent } from './survey-response.events.js';
import { evolveSurveyResponse } from './survey-response.evolve.js';
import { initialSurveyResponseState, type SurveyResponseState } from './survey-response.state.js';

export const SURVEY_RESPONSE_STREAM_TYPE = 'survey-response';

export const surveyResponseStreamId = (responseId: string): string => `${SURVEY_RESPONSE_STREAM_TYPE}-${responseId}`;

export const surveyResponseDecider: Decider<SurveyResponseState, SurveyResponseCommand, SurveyResponseEvent> = {
  decide: decideSurveyResponse,
  evolve: evolveSurveyResponse,
  initialState: initialSurveyResponseState,
};
