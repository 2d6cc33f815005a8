import { compact } from '@cs/eventstore';
import { SURVEY_CHANNELS } from '../survey/survey.values.js';
import { answerProblems, satisfactionOf } from './survey-response.answers.js';
import type { SurveyResponseCommand } from './survey-response.commands.js';
import {
  invalidSurveyAnswers,
  responseStoreRequired,
  surveyClosedForResponses,
  surveyResponseAlreadyExists,
  surveyResponseNotFound,
  unknownResponseChannel,
} from './survey-response.errors.js';
import type { SurveyResponseEvent } from './survey-response.events.js';
import { surveyResponseLifecycle } from './survey-response.lifecycle.js';
import type { SurveyResponseState } from './survey-response.state.js';

export function decideSurveyResponse(command: SurveyResponseCommand, state: SurveyResponseState): SurveyResponseEvent[] {
  const stamp = { at: command.now, by: command.actor.id };
  if (command.type === 'SendSurveyInvitation') {
    if (state) throw surveyResponseAlreadyExists(command.responseId);
    if (!command.surveyOpen) throw surveyClosedForResponses(command.surveyId);
    if (!(SURVEY_CHANNELS as readonly string[]).includes(command.channel)) throw unknownResponseChannel(command.channel);
    if (!command.storeId?.trim()) throw responseStoreRequired();
    const { type: _t, now: _n, actor: _a, surveyOpen: _o, ...context } = command;
    return [{ type: 'SurveyInvitationSent', data: compact({ ...context, ...stamp }) }];
  }
  if (!state) throw surveyResponseNotFound(command.responseId);
  surveyResponseLifecycle.require(command.type, state.status);
  if (!command.consent) return [{ type: 'SurveyDeclined', data: { consent: false, ...stamp } }];
  const answers = command.answers ?? {};
  const problems = answerProblems(command.questions, answers);
  if (problems.length) throw invalidSurveyAnswers(problems);
  return [{ type: 'SurveyAnswered', data: compact({ consent: true as const, answers, satisfaction: satisfactionOf(command.questions, answers), ...stamp }) }];
}
