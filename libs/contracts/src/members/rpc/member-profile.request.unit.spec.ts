import { rejectedFields } from '@cs/testing';
import {
  ChangeMemberContactCommand,
  ChangeMemberContactRequest,
  CloseMembershipRequest,
  RecordIdentityCheckRequest,
  UpdateMemberConsentRequest,
  UpdateMemberPreferencesRequest,
} from './member-profile.request.js';

describe('Member profile requests', () => {
  it('should accept a contact change of any of mobile, email and address, and require the member on the command', async () => {
    expect(await rejectedFields(ChangeMemberContactRequest, { mobile: '13900000000' })).toEqual([]);
    expect(await rejectedFields(ChangeMemberContactRequest, { email: 'a@example.com', postalAddress: '1 Road' })).toEqual([]);
    expect(await rejectedFields(ChangeMemberContactCommand, { email: 'a@example.com' })).toEqual(['memberId']);
  });

  it.each([
    ['mobile', '1390000000'],
    ['email', 'a@'],
    ['postalAddress', '  '],
    ['name', 'Other'],
  ])('should reject a contact change with %s = %p', async (field, value) => {
    expect(await rejectedFields(ChangeMemberContactRequest, { [field]: value })).toEqual([field]);
  });

  it('should validate preferences and consent as nested objects', async () => {
    expect(await rejectedFields(UpdateMemberPreferencesRequest, { preferences: { sizes: ['M'] } })).toEqual([]);
    expect(await rejectedFields(UpdateMemberPreferencesRequest, { preferences: { sizes: 'M' } })).toEqual(['preferences.sizes']);
    expect(await rejectedFields(UpdateMemberConsentRequest, { marketingConsent: { sms: false } })).toEqual([]);
    expect(await rejectedFields(UpdateMemberConsentRequest, { marketingConsent: { email: true } })).toEqual(['marketingConsent.email']);
    expect(await rejectedFields(UpdateMemberConsentRequest, {})).toEqual(['marketingConsent']);
  });

  it('should take a known identity check method and its outcome', async () => {
    expect(await rejectedFields(RecordIdentityCheckRequest, { method: 'sms_code', passed: true, caseRef: 'C-1' })).toEqual([]);
    expect(await rejectedFields(RecordIdentityCheckRequest, { method: 'guess', passed: 'yes' })).toEqual(['method', 'passed']);
  });

  it('should require a reason to close', async () => {
    expect(await rejectedFields(CloseMembershipRequest, { reason: 'moved abroad' })).toEqual([]);
    expect(await rejectedFields(CloseMembershipRequest, { reason: ' ' })).toEqual(['reason']);
  });
});
