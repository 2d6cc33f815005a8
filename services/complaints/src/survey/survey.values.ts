export const SURVEY_TRIGGERS = ['post_complaint', 'post_after_sales', 'post_call', 'periodic', 'market_research'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];

export const QUESTION_KINDS = ['rating', 'yes_no', 'text', 'choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SURVEY_CHANNELS = ['phone', 'sms', 'email'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export interface SurveyQuestion {
  questionId: string;
  text: string;
  kind: QuestionKind;
  /** For `choice` questions. */
  options?: string[];
  required: boolean;
}

export const MAX_QUESTIONS = 30;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
