import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  SURVEY_CHANNELS,
  type SurveyChannelValue,
} from './complaint-vocabulary.js';

export const surveyResponseRecordedV1 = {
  type: 'complaints.SurveyResponseRecorded',
  version: 1,
  subject: 'complaints.evt.SurveyResponseRecorded.v1',
} as const satisfies IntegrationEventDescriptor;

/** A customer answered a satisfaction survey with consent (§1.7.3). */
export class SurveyResponseRecordedV1 {
  @IsString() @Length(1, 64) responseId: string;
  @IsString() @Length(1, 64) surveyId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsOptional() @IsString() @Length(1, 64) agentId?: string;
  @IsIn(SURVEY_CHANNELS) channel: SurveyChannelValue;
  @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number;
  @IsOptional() @IsString() @Length(1, 64) caseRef?: string;
  @IsInstant() answeredAt: string;
}

export const surveyResponseRecordedV1Example: SurveyResponseRecordedV1 = {
  responseId: 'sr-2026-0001',
  surveyId: 'sv-2026-q1',
  storeId: 'store-sh-012',
  agentId: 'agent-hq-03',
  channel: 'sms',
  satisfaction: 4,
  caseRef: '5f0c7a2e-1b7d-4c55-9d3e-8a1f2b3c4d5e',
  answeredAt: '2026-01-10T03:00:00.000Z',
};
