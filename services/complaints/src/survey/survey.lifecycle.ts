import { defineLifecycle } from '@cs/eventstore';
import type { SurveyCommand } from './survey.commands.js';
import type { SurveyEvent } from './survey.events.js';

export const SURVEY_STATUSES = ['open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const surveyLifecycle = defineLifecycle<SurveyStatus, SurveyCommand, SurveyEvent>({
  name: 'survey',
  statuses: SURVEY_STATUSES,
  terminal: ['closed'],
  commands: { CreateSurvey: 'create', CloseSurvey: ['open'] },
  events: { SurveyCreated: 'open', SurveyClosed: 'closed' },
});
