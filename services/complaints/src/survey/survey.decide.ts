import type { CreateSurvey, SurveyCommand } from './survey.commands.js';
import { invalidSurveyQuestions, surveyAlreadyExists, surveyFieldRequired, surveyNotFound, unknownSurveyValue } from './survey.errors.js';
import type { SurveyEvent } from './survey.events.js';
import { surveyLifecycle } from './survey.lifecycle.js';
import type { SurveyState } from './survey.state.js';
import { MAX_QUESTIONS, QUESTION_KINDS, SURVEY_CHANNELS, SURVEY_TRIGGERS, type SurveyQuestion } from './survey.values.js';

export function decideSurvey(command: SurveyCommand, state: SurveyState): SurveyEvent[] {
  if (command.type === 'CreateSurvey') {
    if (state) throw surveyAlreadyExists(command.surveyId);
    return decideCreate(command);
  }
  if (!state) throw surveyNotFound(command.surveyId);
  surveyLifecycle.require(command.type, state.status);
  return [{ type: 'SurveyClosed', data: { at: command.now, by: command.actor.id } }];
}

function decideCreate(command: CreateSurvey): SurveyEvent[] {
  if (!command.title?.trim()) throw surveyFieldRequired('title');
  if (!(SURVEY_TRIGGERS as readonly string[]).includes(command.trigger)) throw unknownSurveyValue('trigger', command.trigger);
  const channels = [...new Set(command.channels ?? SURVEY_CHANNELS)];
  const unknownChannel = channels.find((c) => !(SURVEY_CHANNELS as readonly string[]).includes(c));
  if (unknownChannel) throw unknownSurveyValue('channel', unknownChannel);
  return [
    {
      type: 'SurveyCreated',
      data: { surveyId: command.surveyId, title: command.title, trigger: command.trigger, channels, questions: validQuestions(command.questions), at: command.now, by: command.actor.id },
    },
  ];
}

/** Questions need unique ids and text; choice questions need two or more options; the CSAT question is the first rating. */
function validQuestions(questions: readonly SurveyQuestion[]): SurveyQuestion[] {
  if (!questions?.length || questions.length > MAX_QUESTIONS) {
    throw invalidSurveyQuestions(`A survey has from 1 to ${MAX_QUESTIONS} questions`, { count: questions?.length ?? 0 });
  }
  const ids = new Set<string>();
  return questions.map((q) => {
    if (!q.questionId?.trim() || !q.text?.trim()) throw invalidSurveyQuestions('Every question needs an id and a text');
    if (ids.has(q.questionId)) throw invalidSurveyQuestions(`Question id ${q.questionId} is used twice`, { questionId: q.questionId });
    ids.add(q.questionId);
    if (!(QUESTION_KINDS as readonly string[]).includes(q.kind)) throw unknownSurveyValue('question kind', q.kind);
    const options = q.kind === 'choice' ? [...new Set(q.options ?? [])] : undefined;
    if (options && options.length < 2) throw invalidSurveyQuestions(`Choice question ${q.questionId} needs two or more options`, { questionId: q.questionId });
    return { questionId: q.questionId, text: q.text, kind: q.kind, ...(options ? { options } : {}), required: q.required === true };
  });
}
