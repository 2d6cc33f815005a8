import { defineLifecycle } from '@cs/eventstore';
import type { SurveyResponseCommand } from './survey-response.commands.js';
import type { SurveyResponseEvent } from './survey-response.events.js';

export const SURVEY_RESPONSE_STATUSES = ['invited', 'answered', 'declined'] as const;
export type SurveyResponseStatus = (typeof SURVEY_RESPONSE_STATUSES)[number];

export const surveyResponseLifecycle = defineLifecycle<SurveyResponseStatus, SurveyResponseCommand, SurveyResponseEvent>({
  name: 'survey response',
  statuses: SURVEY_RESPONSE_STATUSES,
  terminal: ['answered', 'declined'],
  commands: { SendSurveyInvitation: 'create', RecordSurveyAnswers: ['invited'] },
  events: { SurveyInvitationSent: 'invited', SurveyAnswered: 'answered', SurveyDeclined: 'declined' },
});
