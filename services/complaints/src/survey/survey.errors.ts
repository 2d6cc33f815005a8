import { DomainError } from '@cs/eventstore';

export const SurveyErrorCodes = {
  NOT_FOUND: 'SURVEY_NOT_FOUND',
  ALREADY_EXISTS: 'SURVEY_ALREADY_EXISTS',
  FIELD_REQUIRED: 'SURVEY_FIELD_REQUIRED',
  INVALID_QUESTIONS: 'SURVEY_INVALID_QUESTIONS',
  UNKNOWN_VALUE: 'SURVEY_UNKNOWN_VALUE',
} as const;

const E = SurveyErrorCodes;

export const surveyNotFound = (surveyId: string) => new DomainError(E.NOT_FOUND, `Survey ${surveyId} does not exist`, 'not_found', { surveyId });
export const surveyAlreadyExists = (surveyId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Survey ${surveyId} already exists`, 'conflict', { surveyId });
export const surveyFieldRequired = (field: string) => new DomainError(E.FIELD_REQUIRED, `${field} is required`, 'rule', { field });
export const invalidSurveyQuestions = (message: string, details?: Record<string, unknown>) =>
  new DomainError(E.INVALID_QUESTIONS, message, 'rule', details);
export const unknownSurveyValue = (field: string, value: string) =>
  new DomainError(E.UNKNOWN_VALUE, `Unknown ${field} ${value}`, 'rule', { field, value });
