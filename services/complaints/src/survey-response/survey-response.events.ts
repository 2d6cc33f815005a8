import type { Event } from '@cs/eventstore';
import type { SurveyChannel } from '../survey/survey.values.js';

export interface ResponseContext {
  responseId: string;
  surveyId: string;
  channel: SurveyChannel;
  storeId: string;
  agentId?: string;
  memberId?: string;
  /** The complaint, after-sales request or call-back the survey follows. */
  caseRef?: string;
}

export type SurveyInvitationSent = Event<'SurveyInvitationSent', ResponseContext & { at: string; by: string }>;

/** Consent is asked first (§1.7.3); answers are stored only with it. */
export type SurveyAnswered = Event<
  'SurveyAnswered',
  { consent: true; answers: Record<string, string | number | boolean>; satisfaction?: number; at: string; by: string }
>;
export type SurveyDeclined = Event<'SurveyDeclined', { consent: false; at: string; by: string }>;

export type SurveyResponseEvent = SurveyInvitationSent | SurveyAnswered | SurveyDeclined;
