import * as contracts from '@cs/contracts';
import * as org from '@cs/org';
import * as values from './complaint.values.js';

describe('Complaint vocabulary', () => {
  describe('when compared with the published contracts', () => {
    it.each([
      [values.COMPLAINT_CHANNELS, contracts.COMPLAINT_CHANNELS],
      [values.COMPLAINT_SOURCES, contracts.COMPLAINT_SOURCES],
      [values.COMPLAINT_CATEGORIES, contracts.COMPLAINT_CATEGORIES],
      [values.COMPLAINT_SEVERITIES, contracts.COMPLAINT_SEVERITIES],
      [values.ESCALATION_LEVELS, contracts.COMPLAINT_ESCALATION_LEVELS],
      [values.COMPLAINT_STATUSES, contracts.COMPLAINT_STATUSES],
      [values.COMPENSATION_KINDS, contracts.COMPLAINT_COMPENSATION_KINDS],
      [values.INVALIDATION_REASONS, contracts.COMPLAINT_INVALIDATION_REASONS],
      [values.SLA_CLOCKS, contracts.COMPLAINT_SLA_CLOCKS],
      [values.CALLBACK_OUTCOMES, contracts.COMPLAINT_CALLBACK_OUTCOMES],
    ])('should hold the same values (%j)', (domain, published) => {
      expect([...domain]).toEqual([...published]);
    });
  });

  describe('when raising severity', () => {
    it('should go P3 → P2 → P1 and keep P1', () => {
      expect(values.raiseSeverity('P3')).toBe('P2');
      expect(values.raiseSeverity('P2')).toBe('P1');
      expect(values.raiseSeverity('P1')).toBe('P1');
    });

    it('should pick the more severe of two', () => {
      expect(values.maxSeverity('P3', 'P1')).toBe('P1');
      expect(values.maxSeverity('P2', 'P3')).toBe('P2');
    });
  });

  describe('when compared with the organisation’s role lists', () => {
    it('should let the same roles act on others’ complaints (the domain cannot import @cs/org)', () => {
      expect([...values.COMPLAINT_MANAGER_ROLES]).toEqual([...org.COMPLAINT_MANAGER_ROLES]);
    });
  });
});
