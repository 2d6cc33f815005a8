import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { CreateSurvey } from './survey.commands.js';
import { surveyDecider } from './survey.decider.js';
import type { SurveyEvent } from './survey.events.js';
import type { SurveyQuestion } from './survey.values.js';

const spec = DeciderSpecification(surveyDecider);
const T0 = '2026-03-02T02:00:00.000Z';
const manager = { id: 'mgr-1', role: 'hq_cs_manager' };
const questions: SurveyQuestion[] = [
  { questionId: 'overall', text: 'How satisfied are you overall?', kind: 'rating', required: true },
  { questionId: 'solved', text: 'Was your problem solved?', kind: 'yes_no', required: true },
  { questionId: 'speed', text: 'How fast was it?', kind: 'choice', options: ['fast', 'ok', 'slow'], required: false },
];
const create = (overrides: Partial<CreateSurvey> = {}): CreateSurvey => ({
  type: 'CreateSurvey', surveyId: 's-1', title: 'After a complaint', trigger: 'post_complaint', channels: ['phone', 'sms'], questions, now: T0, actor: manager, ...overrides,
});
const created: SurveyEvent = {
  type: 'SurveyCreated',
  data: { surveyId: 's-1', title: 'After a complaint', trigger: 'post_complaint', channels: ['phone', 'sms'], questions, at: T0, by: manager.id },
};

describe('Survey', () => {
  it('should be created with its questions', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('should default to every channel', () => {
    spec.given([]).when(create({ channels: undefined })).thenMatches([{ data: { channels: ['phone', 'sms', 'email'] } }]);
  });

  it('should refuse a second creation, a missing title, an unknown trigger or channel', () => {
    spec.given([created]).when(create()).thenThrows(DomainError, 'SURVEY_ALREADY_EXISTS');
    spec.given([]).when(create({ title: ' ' })).thenThrows(DomainError, 'SURVEY_FIELD_REQUIRED');
    spec.given([]).when(create({ trigger: 'whim' as never })).thenThrows(DomainError, 'SURVEY_UNKNOWN_VALUE');
    spec.given([]).when(create({ channels: ['pigeon' as never] })).thenThrows(DomainError, 'SURVEY_UNKNOWN_VALUE');
  });

  it('should refuse no questions, duplicate ids, unknown kinds and choices without options', () => {
    spec.given([]).when(create({ questions: [] })).thenThrows(DomainError, 'SURVEY_INVALID_QUESTIONS');
    spec.given([]).when(create({ questions: [questions[0], questions[0]] })).thenThrows(DomainError, 'SURVEY_INVALID_QUESTIONS');
    spec.given([]).when(create({ questions: [{ ...questions[0], kind: 'slider' as never }] })).thenThrows(DomainError, 'SURVEY_UNKNOWN_VALUE');
    spec.given([]).when(create({ questions: [{ ...questions[2], options: ['only'] }] })).thenThrows(DomainError, 'SURVEY_INVALID_QUESTIONS');
    spec.given([]).when(create({ questions: [{ ...questions[0], text: '' }] })).thenThrows(DomainError, 'SURVEY_INVALID_QUESTIONS');
  });

  it('should close once', () => {
    const closed: SurveyEvent = { type: 'SurveyClosed', data: { at: T0, by: manager.id } };
    spec.given([created]).when({ type: 'CloseSurvey', surveyId: 's-1', now: T0, actor: manager }).then([closed]);
    spec.given([created, closed]).when({ type: 'CloseSurvey', surveyId: 's-1', now: T0, actor: manager }).thenThrows(DomainError, 'SURVEY_INVALID_TRANSITION');
    spec.given([]).when({ type: 'CloseSurvey', surveyId: 's-1', now: T0, actor: manager }).thenThrows(DomainError, 'SURVEY_NOT_FOUND');
  });
});
