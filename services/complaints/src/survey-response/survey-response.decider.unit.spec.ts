import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { SurveyQuestion } from '../survey/survey.values.js';
import type { RecordSurveyAnswers, SendSurveyInvitation } from './survey-response.commands.js';
import { surveyResponseDecider } from './survey-response.decider.js';
import type { SurveyResponseEvent } from './survey-response.events.js';

const spec = DeciderSpecification(surveyResponseDecider);
const T0 = '2026-03-02T02:00:00.000Z';
const T1 = '2026-03-02T03:00:00.000Z';
const agent = { id: 'agent-1', role: 'hq_cs_agent' };
const questions: SurveyQuestion[] = [
  { questionId: 'overall', text: 'Overall?', kind: 'rating', required: true },
  { questionId: 'solved', text: 'Solved?', kind: 'yes_no', required: true },
  { questionId: 'speed', text: 'Speed?', kind: 'choice', options: ['fast', 'slow'], required: false },
  { questionId: 'words', text: 'Anything else?', kind: 'text', required: false },
];
const invite = (overrides: Partial<SendSurveyInvitation> = {}): SendSurveyInvitation => ({
  type: 'SendSurveyInvitation', responseId: 'r-1', surveyId: 's-1', channel: 'phone', storeId: 'S001', agentId: 'agent-1', caseRef: 'c-1', surveyOpen: true, now: T0, actor: agent, ...overrides,
});
const invited: SurveyResponseEvent = {
  type: 'SurveyInvitationSent',
  data: { responseId: 'r-1', surveyId: 's-1', channel: 'phone', storeId: 'S001', agentId: 'agent-1', caseRef: 'c-1', at: T0, by: agent.id },
};
const answer = (overrides: Partial<RecordSurveyAnswers> = {}): RecordSurveyAnswers => ({
  type: 'RecordSurveyAnswers', responseId: 'r-1', consent: true, answers: { overall: 4, solved: true, speed: 'fast' }, questions, now: T1, actor: agent, ...overrides,
});

describe('Survey response', () => {
  it('should record the invitation with its store, agent, channel and case', () => {
    spec.given([]).when(invite()).then([invited]);
  });

  it('should refuse an invitation to a closed survey, on an unknown channel or without a store', () => {
    spec.given([]).when(invite({ surveyOpen: false })).thenThrows(DomainError, 'SURVEY_RESPONSE_SURVEY_CLOSED');
    spec.given([]).when(invite({ channel: 'fax' as never })).thenThrows(DomainError, 'SURVEY_RESPONSE_UNKNOWN_CHANNEL');
    spec.given([]).when(invite({ storeId: '' })).thenThrows(DomainError, 'SURVEY_RESPONSE_STORE_REQUIRED');
    spec.given([invited]).when(invite()).thenThrows(DomainError, 'SURVEY_RESPONSE_ALREADY_EXISTS');
  });

  it('should store answers with consent, and the first rating as the satisfaction', () => {
    spec
      .given([invited])
      .when(answer())
      .then([{ type: 'SurveyAnswered', data: { consent: true, answers: { overall: 4, solved: true, speed: 'fast' }, satisfaction: 4, at: T1, by: agent.id } }]);
  });

  it('should store no answers without consent', () => {
    spec.given([invited]).when(answer({ consent: false })).then([{ type: 'SurveyDeclined', data: { consent: false, at: T1, by: agent.id } }]);
    expect(fold(surveyResponseDecider, [invited, { type: 'SurveyDeclined', data: { consent: false, at: T1, by: agent.id } }])?.answers).toBeUndefined();
  });

  it('should refuse answers that do not fit the questions', () => {
    spec.given([invited]).when(answer({ answers: { solved: true } })).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_ANSWERS');
    spec.given([invited]).when(answer({ answers: { overall: 9, solved: true } })).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_ANSWERS');
    spec.given([invited]).when(answer({ answers: { overall: 3, solved: 'yes' } })).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_ANSWERS');
    spec.given([invited]).when(answer({ answers: { overall: 3, solved: true, speed: 'medium' } })).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_ANSWERS');
    spec.given([invited]).when(answer({ answers: { overall: 3, solved: true, extra: 'x' } })).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_ANSWERS');
    spec.given([invited]).when(answer({ answers: { overall: 3, solved: true, words: 7 } })).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_ANSWERS');
  });

  it('should refuse a second answer and answers to no invitation', () => {
    const answered: SurveyResponseEvent = { type: 'SurveyAnswered', data: { consent: true, answers: {}, at: T1, by: agent.id } };
    spec.given([invited, answered]).when(answer()).thenThrows(DomainError, 'SURVEY_RESPONSE_INVALID_TRANSITION');
    spec.given([]).when(answer()).thenThrows(DomainError, 'SURVEY_RESPONSE_NOT_FOUND');
  });
});
