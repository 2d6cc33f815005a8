import { rejectedFields } from '@cs/testing';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { IntegrationEventDescriptor } from '../envelope.js';
import {
  ComplaintClassifiedV1,
  complaintClassifiedV1,
  complaintClassifiedV1Example,
  ComplaintAssignedV1,
  complaintAssignedV1,
  complaintAssignedV1Example,
  ComplaintReopenedV1,
  complaintReopenedV1,
  complaintReopenedV1Example,
  ComplaintSlaWarningV1,
  complaintSlaWarningV1,
  complaintSlaWarningV1Example,
  ComplaintPromiseOverdueV1,
  complaintPromiseOverdueV1,
  complaintPromiseOverdueV1Example,
  ComplaintMergedV1,
  complaintMergedV1,
  complaintMergedV1Example,
  ComplaintSplitV1,
  complaintSplitV1,
  complaintSplitV1Example,
  ComplaintNotificationRequestedV1,
  complaintNotificationRequestedV1,
  complaintNotificationRequestedV1Example,
  CallbackScheduledV1,
  callbackScheduledV1,
  callbackScheduledV1Example,
  CallbackCompletedV1,
  callbackCompletedV1,
  callbackCompletedV1Example,
  CallbackUnreachableV1,
  callbackUnreachableV1,
  callbackUnreachableV1Example,
  StaffComplaintFiledV1,
  staffComplaintFiledV1,
  staffComplaintFiledV1Example,
  StaffComplaintWithdrawnV1,
  staffComplaintWithdrawnV1,
  staffComplaintWithdrawnV1Example,
  StaffComplaintUpheldV1,
  staffComplaintUpheldV1,
  staffComplaintUpheldV1Example,
  SurveyResponseRecordedV1,
  surveyResponseRecordedV1,
  surveyResponseRecordedV1Example,
  CaseEntryPublishedV1,
  caseEntryPublishedV1,
  caseEntryPublishedV1Example,
  ComplaintsEvents,
} from '../index.js';

/** The events of issue 11 (ownership, alerts, promises, merge/split, call-backs, staff complaints, surveys, cases). */
const fixtures: Array<[string, ClassConstructor<object>, object, IntegrationEventDescriptor]> = [
  ['ComplaintClassifiedV1', ComplaintClassifiedV1, complaintClassifiedV1Example, complaintClassifiedV1],
  ['ComplaintAssignedV1', ComplaintAssignedV1, complaintAssignedV1Example, complaintAssignedV1],
  ['ComplaintReopenedV1', ComplaintReopenedV1, complaintReopenedV1Example, complaintReopenedV1],
  ['ComplaintSlaWarningV1', ComplaintSlaWarningV1, complaintSlaWarningV1Example, complaintSlaWarningV1],
  ['ComplaintPromiseOverdueV1', ComplaintPromiseOverdueV1, complaintPromiseOverdueV1Example, complaintPromiseOverdueV1],
  ['ComplaintMergedV1', ComplaintMergedV1, complaintMergedV1Example, complaintMergedV1],
  ['ComplaintSplitV1', ComplaintSplitV1, complaintSplitV1Example, complaintSplitV1],
  ['ComplaintNotificationRequestedV1', ComplaintNotificationRequestedV1, complaintNotificationRequestedV1Example, complaintNotificationRequestedV1],
  ['CallbackScheduledV1', CallbackScheduledV1, callbackScheduledV1Example, callbackScheduledV1],
  ['CallbackCompletedV1', CallbackCompletedV1, callbackCompletedV1Example, callbackCompletedV1],
  ['CallbackUnreachableV1', CallbackUnreachableV1, callbackUnreachableV1Example, callbackUnreachableV1],
  ['StaffComplaintFiledV1', StaffComplaintFiledV1, staffComplaintFiledV1Example, staffComplaintFiledV1],
  ['StaffComplaintWithdrawnV1', StaffComplaintWithdrawnV1, staffComplaintWithdrawnV1Example, staffComplaintWithdrawnV1],
  ['StaffComplaintUpheldV1', StaffComplaintUpheldV1, staffComplaintUpheldV1Example, staffComplaintUpheldV1],
  ['SurveyResponseRecordedV1', SurveyResponseRecordedV1, surveyResponseRecordedV1Example, surveyResponseRecordedV1],
  ['CaseEntryPublishedV1', CaseEntryPublishedV1, caseEntryPublishedV1Example, caseEntryPublishedV1],
];

describe('Complaints teamwork contracts', () => {
  it.each(fixtures)('should validate the %s example against its class', async (_name, cls, example) => {
    expect(await validate(plainToInstance(cls, example))).toEqual([]);
    expect(await rejectedFields(cls, example)).toEqual([]);
  });

  it.each(fixtures)('should refuse %s without its first (identifying) field, naming it', async (_name, cls, example) => {
    const [first] = Object.keys(example);
    const { [first!]: _gone, ...invalid } = example as Record<string, unknown>;
    expect(await rejectedFields(cls, invalid)).toEqual([first]);
  });

  it.each(fixtures)('should never carry the customer name or mobile in %s', async (_name, cls, example) => {
    expect(await rejectedFields(cls, { ...example, customer: { name: 'Wang', mobile: '13812341234' }, mobile: '13812341234' })).toEqual([
      'customer',
      'mobile',
    ]);
  });

  it.each(fixtures)('should publish %s on a versioned subject listed with the service events', (_name, _cls, _example, descriptor) => {
    expect(descriptor.subject).toBe(`complaints.evt.${descriptor.type.slice('complaints.'.length)}.v${descriptor.version}`);
    expect(ComplaintsEvents).toContain(descriptor);
  });

  it('should refuse bad values', async () => {
    expect(await rejectedFields(CallbackCompletedV1, { ...callbackCompletedV1Example, satisfaction: 6 })).toEqual(['satisfaction']);
    expect(await rejectedFields(CallbackScheduledV1, { ...callbackScheduledV1Example, kind: 'cold_call' })).toEqual(['kind']);
    expect(await rejectedFields(ComplaintNotificationRequestedV1, { ...complaintNotificationRequestedV1Example, kind: 'gossip' })).toEqual(['kind']);
    expect(await rejectedFields(ComplaintAssignedV1, { ...complaintAssignedV1Example, assignedAt: 'now' })).toEqual(['assignedAt']);
    expect(await rejectedFields(ComplaintPromiseOverdueV1, { ...complaintPromiseOverdueV1Example, promiseNo: 0 })).toEqual(['promiseNo']);
  });

  it('should keep the published contracts unchanged', () => {
    expect(Object.fromEntries(fixtures.map(([name, , example, descriptor]) => [name, { descriptor, example }]))).toMatchSnapshot();
  });
});
