import type { SurveyStatus } from './survey.lifecycle.js';
import type { SurveyChannel, SurveyQuestion, SurveyTrigger } from './survey.values.js';

export interface Survey {
  surveyId: string;
  status: SurveyStatus;
  title: string;
  trigger: SurveyTrigger;
  channels: SurveyChannel[];
  questions: SurveyQuestion[];
  createdAt: string;
  createdBy: string;
  closedAt?: string;
}

export type SurveyState = Survey | null;

export const initialSurveyState = (): SurveyState => null;
