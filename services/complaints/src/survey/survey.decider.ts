import type { Decider } from '@cs/eventstore';
import type { SurveyCommand } from './survey.commands.js';
import { decideSurvey } from './survey.decide.js';
import type { SurveyEvent } from './survey.events.js';
import { evolveSurvey } from './survey.evolve.js';
import { initialSurveyState, type SurveyState } from './survey.state.js';

export const SURVEY_STREAM_TYPE = 'survey';

export const surveyStreamId = (surveyId: string): string => `${SURVEY_STREAM_TYPE}-${surveyId}`;

export const surveyDecider: Decider<SurveyState, SurveyCommand, SurveyEvent> = {
  decide: decideSurvey,
  evolve: evolveSurvey,
  initialState: initialSurveyState,
};
