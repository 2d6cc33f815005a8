import type { Actor } from '@cs/eventstore';
import type { SurveyChannel, SurveyQuestion, SurveyTrigger } from './survey.values.js';

interface CommandBase {
  surveyId: string;
  now: string;
  actor: Pick<Actor, 'id' | 'role'>;
}

export interface CreateSurvey extends CommandBase {
  type: 'CreateSurvey';
  title: string;
  trigger: SurveyTrigger;
  channels?: SurveyChannel[];
  questions: SurveyQuestion[];
}

export interface CloseSurvey extends CommandBase {
  type: 'CloseSurvey';
}

export type SurveyCommand = CreateSurvey | CloseSurvey;
