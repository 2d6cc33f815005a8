import { MEMBER_GENDERS, MEMBER_STATUSES as PUBLISHED_STATUSES, MEMBER_SUPPLEMENTABLE_FIELDS } from '@cs/contracts';
import type { MemberGender } from './member.events.js';
import {
  DEFAULT_REQUIRED_MEMBER_FIELDS,
  formatMemberNo,
  isBirthDateInFuture,
  isFilled,
  MEMBER_STATUSES,
  missingRequiredFields,
  SUPPLEMENTABLE_MEMBER_FIELDS,
} from './member.values.js';

describe('Member values', () => {
  describe('when checking completeness', () => {
    it('should default to name, mobile, gender, birthDate and postalAddress', () => {
      expect(DEFAULT_REQUIRED_MEMBER_FIELDS).toEqual(['name', 'mobile', 'gender', 'birthDate', 'postalAddress']);
    });

    it('should list the required fields that are absent or blank, in order', () => {
      const fields = { name: '王芳', mobile: '13812341234', gender: 'female', birthDate: '', postalAddress: '  ' };
      expect(missingRequiredFields(fields, DEFAULT_REQUIRED_MEMBER_FIELDS)).toEqual(['birthDate', 'postalAddress']);
    });

    it('should use the default list when none is given', () => {
      expect(missingRequiredFields({ name: 'a', mobile: '1' })).toEqual(['gender', 'birthDate', 'postalAddress']);
    });

    it('should report nothing for a complete record and honour a custom list', () => {
      expect(missingRequiredFields({ name: 'a', email: 'a@b.cn' }, ['name', 'email'])).toEqual([]);
      expect(missingRequiredFields({ name: 'a' }, ['name', 'email', 'email'])).toEqual(['email']);
    });

    it('should treat empty arrays and objects as not filled, and false as filled', () => {
      expect(isFilled([])).toBe(false);
      expect(isFilled({})).toBe(false);
      expect(isFilled({ sms: undefined })).toBe(false);
      expect(isFilled({ sms: false })).toBe(true);
      expect(isFilled(null)).toBe(false);
      expect(isFilled(['M'])).toBe(true);
    });
  });

  describe('when formatting a member number', () => {
    it('should zero-pad the sequence to six digits (R102)', () => {
      expect(formatMemberNo(42)).toBe('000042');
      expect(formatMemberNo(1234567)).toBe('1234567');
    });
  });

  describe('when checking a birth date', () => {
    it('should compare with the calendar date of now', () => {
      expect(isBirthDateInFuture('2025-03-02', '2025-03-01T23:59:59Z')).toBe(true);
      expect(isBirthDateInFuture('2025-03-01', '2025-03-01T23:59:59Z')).toBe(false);
      expect(isBirthDateInFuture('1990-01-01', '2025-03-01T00:00:00Z')).toBe(false);
    });
  });

  describe('when compared with the published contracts', () => {
    it('should agree on the supplementable fields and genders', () => {
      expect([...SUPPLEMENTABLE_MEMBER_FIELDS]).toEqual([...MEMBER_SUPPLEMENTABLE_FIELDS]);
      const genders: MemberGender[] = ['male', 'female', 'other', 'undisclosed'];
      expect(genders).toEqual([...MEMBER_GENDERS]);
    });

    it('should agree on the statuses', () => {
      expect([...MEMBER_STATUSES]).toEqual([...PUBLISHED_STATUSES]);
    });
  });
});
