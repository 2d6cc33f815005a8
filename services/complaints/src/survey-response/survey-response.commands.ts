import type { Actor } from '@cs/eventstore';
import type { SurveyQuestion } from '../survey/survey.values.js';
import type { ResponseContext } from './survey-response.events.js';

interface CommandBase {
  responseId: string;
  now: string;
  actor: Pick<Actor, 'id' | 'role'>;
}

export interface SendSurveyInvitation extends CommandBase, Omit<ResponseContext, 'responseId'> {
  type: 'SendSurveyInvitation';
  /** Whether the survey is still open (the service reads it from the survey). */
  surveyOpen: boolean;
}

/** Answers (or a refusal) for an invitation; the service passes the survey's questions. */
export interface RecordSurveyAnswers extends CommandBase {
  type: 'RecordSurveyAnswers';
  consent: boolean;
  answers?: Record<string, string | number | boolean>;
  questions: SurveyQuestion[];
}

export type SurveyResponseCommand = SendSurveyInvitation | RecordSurveyAnswers;
