import { validatePayload } from '@cs/messaging';
import { rejectedFields } from '@cs/testing';
import type { ClassConstructor } from 'class-transformer';
import {
  CompleteCallbackRequest,
  ComplaintReportQuery,
  CreateSurveyRequest,
  DraftCaseRequest,
  EscalateComplaintRequest,
  FileStaffComplaintRequest,
  KeepPromiseCommand,
  ListCallbacksQuery,
  MergeComplaintRequest,
  ProposeSolutionRequest,
  RecordCallbackAttemptRequest,
  SamplingRunRequest,
  SearchCasesQuery,
  SplitComplaintRequest,
  StaffComplaintSecondCallRequest,
  SurveyResponseRequest,
  TeamQueueQuery,
} from '../../index.js';

const question = { questionId: 'overall', text: 'How satisfied are you?', kind: 'rating', required: true };

describe('Complaints team requests', () => {
  it.each<[string, ClassConstructor<object>, object]>([
    ['MergeComplaintRequest', MergeComplaintRequest, { intoId: 'c-1' }],
    ['SplitComplaintRequest (a part)', SplitComplaintRequest, { description: 'The cashier part' }],
    ['SplitComplaintRequest (undo a merge)', SplitComplaintRequest, { complaintId: 'c-2' }],
    ['EscalateComplaintRequest with a person', EscalateComplaintRequest, { toLevel: 'hq_agent', reason: 'x', assigneeId: 'agent-1' }],
    ['ProposeSolutionRequest with promises', ProposeSolutionRequest, { description: 'x', promises: [{ what: 'Deliver', dueAt: '2026-01-07T10:00:00Z' }] }],
    ['RecordCallbackAttemptRequest', RecordCallbackAttemptRequest, { outcome: 'no_answer' }],
    ['CompleteCallbackRequest', CompleteCallbackRequest, { satisfaction: 4, satisfied: true, answers: { q1: 'ok' } }],
    ['SamplingRunRequest', SamplingRunRequest, { month: '2026-01' }],
    ['TeamQueueQuery', TeamQueueQuery, { regionId: 'R1' }],
    ['FileStaffComplaintRequest', FileStaffComplaintRequest, { storeId: 'S1', staffId: 'st-1', staffName: 'Li', memberId: 'm-1', channel: 'phone', description: 'Rude' }],
    ['StaffComplaintSecondCallRequest', StaffComplaintSecondCallRequest, { assessment: 'Apologised', appeasementResult: 'accepted' }],
    ['CreateSurveyRequest', CreateSurveyRequest, { title: 'After complaint', trigger: 'post_complaint', questions: [question] }],
    ['SurveyResponseRequest', SurveyResponseRequest, { channel: 'sms', storeId: 'S1', consent: true, answers: { overall: 5 } }],
    ['SurveyResponseRequest (declined)', SurveyResponseRequest, { channel: 'phone', storeId: 'S1', consent: false }],
    ['DraftCaseRequest', DraftCaseRequest, { fromComplaintId: 'c-1', keywords: ['seam'] }],
    ['SearchCasesQuery', SearchCasesQuery, { q: 'seam wash', category: 'PRODUCT_QUALITY' }],
    ['ComplaintReportQuery', ComplaintReportQuery, { period: 'week', from: '2026-01-02', regionId: 'R1' }],
  ])('should accept a valid %s', async (_name, cls, payload) => {
    expect(await rejectedFields(cls, payload)).toEqual([]);
  });

  it.each<[string, ClassConstructor<object>, object]>([
    ['description,complaintId', SplitComplaintRequest, {}],
    ['storeId,regionId', TeamQueueQuery, {}],
    ['memberId,customer', FileStaffComplaintRequest, { storeId: 'S1', staffId: 'st-1', staffName: 'Li', channel: 'phone', description: 'Rude' }],
  ])('should name both alternatives when neither is given (%s)', async (fields, cls, payload) => {
    expect(await rejectedFields(cls, payload)).toEqual(fields.split(','));
  });

  it.each<[string, ClassConstructor<object>, object]>([
    ['intoId', MergeComplaintRequest, { intoId: 'c 1' }],
    ['promises.0.dueAt', ProposeSolutionRequest, { description: 'x', promises: [{ what: 'Deliver', dueAt: 'soon' }] }],
    ['promises.0.what', ProposeSolutionRequest, { description: 'x', promises: [{ what: ' ', dueAt: '2026-01-07T10:00:00Z' }] }],
    ['outcome', RecordCallbackAttemptRequest, { outcome: 'voicemail' }],
    ['satisfaction', CompleteCallbackRequest, { satisfaction: 6, satisfied: true }],
    ['satisfied', CompleteCallbackRequest, { satisfaction: 3 }],
    ['month', SamplingRunRequest, { month: '2026-13' }],
    ['rate', SamplingRunRequest, { month: '2026-01', rate: 1.5 }],
    ['kind', ListCallbacksQuery, { kind: 'cold_call' }],
    ['questions.0.kind', CreateSurveyRequest, { title: 'x', trigger: 'periodic', questions: [{ ...question, kind: 'essay' }] }],
    ['answers', SurveyResponseRequest, { channel: 'sms', storeId: 'S1', consent: true }],
    ['period', ComplaintReportQuery, { period: 'year', from: '2026-01-01' }],
    ['from', ComplaintReportQuery, { period: 'day', from: '2026-1-1' }],
  ])('should reject a bad %s', async (field, cls, payload) => {
    expect(await rejectedFields(cls, payload)).toEqual([field]);
  });

  it('should default the sampling rate to 20 % and take the promise number from the path', async () => {
    expect((await validatePayload(SamplingRunRequest, { month: '2026-01' })).rate).toBe(0.2);
    expect((await validatePayload(KeepPromiseCommand, { complaintId: 'c-1', promiseNo: '2' })).promiseNo).toBe(2);
  });
});
