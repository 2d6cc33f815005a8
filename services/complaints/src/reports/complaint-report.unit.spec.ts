import { complaintReport, type ReportComplaint } from './complaint-report.js';
import { inWindow, periodWindow } from './report-period.js';

const base: ReportComplaint = {
  complaintId: 'c-1',
  storeId: 'S1',
  regionId: 'R1',
  category: 'PRODUCT_QUALITY',
  source: 'store',
  channel: 'phone',
  severity: 'P3',
  receivedAt: '2026-01-05T02:00:00.000Z',
  firstResponseWithinSla: true,
  resolvedAt: '2026-01-06T02:00:00.000Z',
  resolutionWithinSla: true,
  repeat: false,
  escalated: false,
  merged: false,
};

describe('Complaint report', () => {
  describe('when computing the period', () => {
    it('should take a local day (Asia/Shanghai) as instants', () => {
      expect(periodWindow('day', '2026-01-05')).toMatchObject({ fromAt: '2026-01-04T16:00:00.000Z', toAt: '2026-01-05T16:00:00.000Z' });
    });

    it('should end a week on the first Friday on or after the date', () => {
      expect(periodWindow('week', '2026-01-05')).toMatchObject({ firstDay: '2026-01-03', lastDay: '2026-01-09' });
      expect(periodWindow('week', '2026-01-09')).toMatchObject({ firstDay: '2026-01-03', lastDay: '2026-01-09' });
      expect(periodWindow('week', '2026-01-10')).toMatchObject({ firstDay: '2026-01-10', lastDay: '2026-01-16' });
    });

    it('should take the calendar month of the date', () => {
      expect(periodWindow('month', '2026-02-14')).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28', toAt: '2026-02-28T16:00:00.000Z' });
    });

    it('should refuse a date that does not exist', () => {
      expect(() => periodWindow('day', '2026-02-30')).toThrow(RangeError);
    });

    it('should count the local date, not the UTC one', () => {
      const w = periodWindow('day', '2026-01-05');
      expect(inWindow('2026-01-04T16:30:00.000Z', w)).toBe(true);
      expect(inWindow('2026-01-05T16:00:00.000Z', w)).toBe(false);
    });
  });

  describe('when counting', () => {
    const w = periodWindow('month', '2026-01-01');
    const complaints: ReportComplaint[] = [
      base,
      { ...base, complaintId: 'c-2', storeId: 'S2', channel: 'email', firstResponseWithinSla: false, resolvedAt: '2026-01-05T14:00:00.000Z', resolutionWithinSla: true, repeat: true },
      { ...base, complaintId: 'c-3', severity: 'P1', firstResponseWithinSla: null, resolvedAt: null, resolutionWithinSla: null, escalated: true },
      { ...base, complaintId: 'c-4', merged: true },
      { ...base, complaintId: 'c-5', receivedAt: '2026-02-03T02:00:00.000Z' },
    ];

    it('should count the month’s complaints by dimension, without merged duplicates', () => {
      const r = complaintReport(w, { complaints, staffComplaints: [], callbacks: [], sampling: [] });
      expect(r.complaints).toBe(3);
      expect(r.by.store).toEqual({ S1: 2, S2: 1 });
      expect(r.by.channel).toEqual({ phone: 2, email: 1 });
      expect(r.by.severity).toEqual({ P3: 2, P1: 1 });
    });

    it('should give the on-time, repeat and escalation rates and the average handling time', () => {
      const r = complaintReport(w, { complaints, staffComplaints: [], callbacks: [], sampling: [] });
      expect(r.onTimeFirstResponseRate).toBe(0.3333);
      expect(r.onTimeResolutionRate).toBe(0.6667);
      expect(r.averageHandlingHours).toBe(18);
      expect(r.repeatRate).toBe(0.3333);
      expect(r.escalationRate).toBe(0.3333);
    });

    it('should give staff-complaint, call-back and sampling figures', () => {
      const r = complaintReport(w, {
        complaints,
        staffComplaints: [
          { filedAt: '2026-01-10T02:00:00.000Z', storeId: 'S1', regionId: 'R1', outcome: 'upheld' },
          { filedAt: '2026-01-11T02:00:00.000Z', storeId: 'S1', regionId: 'R1', outcome: 'withdrawn' },
          { filedAt: '2026-01-12T02:00:00.000Z', storeId: 'S1', regionId: 'R1', outcome: null },
          { filedAt: '2026-01-13T02:00:00.000Z', storeId: 'S1', regionId: 'R1', outcome: 'dismissed' },
        ],
        callbacks: [
          { storeId: 'S1', regionId: 'R1', dueAt: '2026-01-08T02:00:00.000Z', status: 'completed', sampled: false },
          { storeId: 'S1', regionId: 'R1', dueAt: '2026-01-09T02:00:00.000Z', status: 'unreachable', sampled: false },
          { storeId: 'S1', regionId: 'R1', dueAt: '2026-01-09T02:00:00.000Z', status: 'cancelled', sampled: false },
          { storeId: 'S1', regionId: 'R1', dueAt: '2026-01-10T02:00:00.000Z', status: 'pending', sampled: true },
        ],
        sampling: [{ storeId: 'S1', population: 10, sampled: 2 }],
      });
      expect(r.staffComplaints).toEqual({ count: 4, upheldRate: 0.25, withdrawnRate: 0.25 });
      expect(r.callbacks).toEqual({ due: 3, completionRate: 0.3333, unreachableRate: 0.3333, sampleCoverage: 0.2 });
    });

    it('should give no rate rather than zero when nothing was counted', () => {
      const r = complaintReport(periodWindow('day', '2026-03-01'), { complaints, staffComplaints: [], callbacks: [], sampling: [] });
      expect(r).toMatchObject({ complaints: 0, onTimeFirstResponseRate: null, averageHandlingHours: null, callbacks: { completionRate: null, sampleCoverage: null } });
    });
  });
});
