import type { ResponseContext } from './survey-response.events.js';
import type { SurveyResponseStatus } from './survey-response.lifecycle.js';

export interface SurveyResponse extends ResponseContext {
  status: SurveyResponseStatus;
  answers?: Record<string, string | number | boolean>;
  satisfaction?: number;
  invitedAt: string;
  respondedAt?: string;
}

export type SurveyResponseState = SurveyResponse | null;

export const initialSurveyResponseState = (): SurveyResponseState => null;
