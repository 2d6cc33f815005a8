import type { Event } from '@cs/eventstore';
import type { SurveyChannel, SurveyQuestion, SurveyTrigger } from './survey.values.js';

export type SurveyCreated = Event<
  'SurveyCreated',
  { surveyId: string; title: string; trigger: SurveyTrigger; channels: SurveyChannel[]; questions: SurveyQuestion[]; at: string; by: string }
>;
export type SurveyClosed = Event<'SurveyClosed', { at: string; by: string }>;

export type SurveyEvent = SurveyCreated | SurveyClosed;
