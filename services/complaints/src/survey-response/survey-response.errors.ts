import { DomainError } from '@cs/eventstore';

export const SurveyResponseErrorCodes = {
  NOT_FOUND: 'SURVEY_RESPONSE_NOT_FOUND',
  ALREADY_EXISTS: 'SURVEY_RESPONSE_ALREADY_EXISTS',
  SURVEY_CLOSED: 'SURVEY_RESPONSE_SURVEY_CLOSED',
  UNKNOWN_CHANNEL: 'SURVEY_RESPONSE_UNKNOWN_CHANNEL',
  STORE_REQUIRED: 'SURVEY_RESPONSE_STORE_REQUIRED',
  INVALID_ANSWERS: 'SURVEY_RESPONSE_INVALID_ANSWERS',
} as const;

const E = SurveyResponseErrorCodes;

export const surveyResponseNotFound = (responseId: string) =>
  new DomainError(E.NOT_FOUND, `Survey response ${responseId} does not exist`, 'not_found', { responseId });
export const surveyResponseAlreadyExists = (responseId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Survey response ${responseId} already exists`, 'conflict', { responseId });
export const surveyClosedForResponses = (surveyId: string) =>
  new DomainError(E.SURVEY_CLOSED, `Survey ${surveyId} is closed`, 'conflict', { surveyId });
export const unknownResponseChannel = (channel: string) =>
  new DomainError(E.UNKNOWN_CHANNEL, `Unknown survey channel ${channel}`, 'rule', { channel });
export const responseStoreRequired = () => new DomainError(E.STORE_REQUIRED, 'storeId is required', 'rule', { field: 'storeId' });
export const invalidSurveyAnswers = (problems: string[]) =>
  new DomainError(E.INVALID_ANSWERS, `The answers do not fit the survey: ${problems.join('; ')}`, 'rule', { problems });
