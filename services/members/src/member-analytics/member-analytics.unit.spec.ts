import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';
import { bandOf, localDay, type AnalysisScope, type PurchaseFact, type StatusFact } from './analytics.facts.js';
import { churnAnalysis } from './churn.analysis.js';
import { consumptionShare } from './consumption-share.analysis.js';
import { ageAt, genderAge } from './gender-age.analysis.js';
import { spendingLevel } from './spending-level.analysis.js';
import { spendingPower, twelveMonthsBefore } from './spending-power.analysis.js';

const TZ = 'Asia/Shanghai';
const { spendBands, ageBands } = DEFAULT_LOYALTY_RULES;
const march: AnalysisScope = { from: '2026-03-01', to: '2026-03-31', timezone: TZ };
let n = 0;
const buy = (memberId: string, amount: number, purchasedAt: string, extra: Partial<PurchaseFact> = {}): PurchaseFact => ({
  memberId,
  receiptNo: `R${++n}`,
  storeId: 's1',
  regionId: 'east',
  amount,
  itemCount: 2,
  purchasedAt,
  refunded: 0,
  ...extra,
});

describe('Member analyses', () => {
  describe('when placing instants and values', () => {
    it('should count a purchase on the local day of the store', () => {
      expect(localDay('2026-02-28T16:30:00.000Z', TZ)).toBe('2026-03-01');
    });

    it('should name bands by their bounds', () => {
      expect(bandOf(0, [0, 50_000])).toBe('0-49999');
      expect(bandOf(50_000, [0, 50_000])).toBe('>=50000');
      expect(bandOf(17, [18, 25])).toBe('<18');
    });

    it('should count age in whole years at the day', () => {
      expect(ageAt('1990-04-01', '2026-03-31')).toBe(35);
      expect(ageAt('1990-03-31', '2026-03-31')).toBe(36);
    });
  });

  describe('when analysing the spending level', () => {
    it('should give net spend, ATV, UPT and the members per band, within the period and scope', () => {
      const facts = [
        buy('a', 30_000, '2026-03-02T02:00:00Z', { refunded: 10_000 }),
        buy('a', 40_000, '2026-03-05T02:00:00Z'),
        buy('b', 300_000, '2026-03-10T02:00:00Z'),
        buy('c', 99_999, '2026-04-01T02:00:00Z'),
        buy('d', 99_999, '2026-03-10T02:00:00Z', { storeId: 's2' }),
      ];
      const result = spendingLevel(facts, { ...march, storeId: 's1' }, spendBands);
      expect(result).toMatchObject({ members: 2, netSpend: 360_000, txCount: 3, items: 6, atv: 120_000, upt: 2 });
      expect(result.bands).toEqual([
        { band: '0-49999', members: 0, netSpend: 0, share: 0 },
        { band: '50000-199999', members: 1, netSpend: 60_000, share: 0.5 },
        { band: '200000-499999', members: 1, netSpend: 300_000, share: 0.5 },
        { band: '>=500000', members: 0, netSpend: 0, share: 0 },
      ]);
    });

    it('should give zeros, not NaN, for an empty period', () => {
      expect(spendingLevel([], march, spendBands)).toMatchObject({ members: 0, atv: 0, upt: 0 });
    });
  });

  describe('when analysing gender and age', () => {
    it('should put each consuming member in one cell and count the unknown ones', () => {
      const profiles = new Map([
        ['a', { memberId: 'a', gender: 'female', birthDate: '1995-06-01' }],
        ['b', { memberId: 'b', gender: 'undisclosed', birthDate: '1960-01-01' }],
        ['c', { memberId: 'c' }],
      ]);
      const facts = [buy('a', 10_000, '2026-03-02T02:00:00Z'), buy('b', 30_000, '2026-03-02T02:00:00Z'), buy('c', 60_000, '2026-03-03T02:00:00Z')];
      const result = genderAge(facts, profiles, march, ageBands);
      expect(result.members).toBe(3);
      expect(result.cells).toEqual([
        { gender: 'female', ageBand: '25-34', members: 1, memberShare: 0.3333, netSpend: 10_000, spendShare: 0.1, atv: 10_000 },
        { gender: 'unknown', ageBand: '>=55', members: 1, memberShare: 0.3333, netSpend: 30_000, spendShare: 0.3, atv: 30_000 },
        { gender: 'unknown', ageBand: 'unknown', members: 1, memberShare: 0.3333, netSpend: 60_000, spendShare: 0.6, atv: 60_000 },
      ]);
    });
  });

  describe('when analysing spending power (RFM)', () => {
    it('should look back 12 months from the last day', () => {
      expect(twelveMonthsBefore('2026-03-31')).toBe('2025-04-01');
    });

    it('should score recency, frequency and money by quintile and measure concentration', () => {
      const facts = [
        ...['a', 'b', 'c', 'd', 'e'].map((m, i) => buy(m, (i + 1) * 10_000, `2026-03-${String(10 + i * 5).padStart(2, '0')}T02:00:00Z`)),
        buy('e', 50_000, '2025-12-01T02:00:00Z'),
        buy('a', 1, '2025-03-31T02:00:00Z'),
      ];
      const result = spendingPower(facts, march);
      expect(result.members).toBe(5);
      const e = result.memberScores.find((s) => s.memberId === 'e')!;
      expect(e).toMatchObject({ recencyDays: 1, frequency: 2, monetary: 100_000, r: 5, f: 5, m: 5 });
      const a = result.memberScores.find((s) => s.memberId === 'a')!;
      expect(a).toMatchObject({ recencyDays: 21, frequency: 1, monetary: 10_000, r: 1, f: 1, m: 1 });
      expect(result.segments[0]).toEqual({ segment: '555', members: 1, netSpend: 100_000 });
      expect(result.averageAnnualSpend).toBe(40_000);
      expect(result.top20Share).toBe(0.5);
    });
  });

  describe('when analysing churn', () => {
    const at = (memberId: string, status: string, instant: string): StatusFact => ({ memberId, status, at: instant });
    const stores = new Map([
      ['a', { storeId: 's1' }],
      ['b', { storeId: 's1' }],
      ['c', { storeId: 's1' }],
      ['d', { storeId: 's2' }],
    ]);

    it('should divide the members churned in the period by those live at its start', () => {
      const facts = [
        at('a', 'active', '2025-01-01T00:00:00Z'),
        at('a', 'at_risk', '2025-12-01T00:00:00Z'),
        at('a', 'churned', '2026-03-05T00:00:00Z'),
        at('b', 'active', '2025-01-01T00:00:00Z'),
        at('b', 'at_risk', '2026-03-10T00:00:00Z'),
        at('c', 'active', '2025-01-01T00:00:00Z'),
        at('c', 'at_risk', '2026-01-10T00:00:00Z'),
        at('c', 'active', '2026-03-12T00:00:00Z'),
        at('d', 'active', '2025-01-01T00:00:00Z'),
        at('d', 'churned', '2026-03-05T00:00:00Z'),
      ];
      expect(churnAnalysis(facts, stores, { ...march, storeId: 's1' })).toEqual({
        baseAtStart: 3,
        churnedInPeriod: 1,
        churnRate: 0.3333,
        atRiskAtEnd: 1,
        retainedInPeriod: 1,
        expiredInPeriod: 0,
      });
    });
  });

  describe('when computing the daily member consumption share', () => {
    it('should divide member sales by all sales per store and local day, by amount and by count', () => {
      const sales = [
        { storeId: 's1', amount: 300, member: true, at: '2026-03-01T02:00:00Z' },
        { storeId: 's1', amount: 100, member: false, at: '2026-03-01T03:00:00Z' },
        { storeId: 's1', amount: 100, member: false, at: '2026-02-28T17:00:00Z' },
        { storeId: 's1', amount: 999, member: true, at: '2026-03-02T02:00:00Z' },
      ];
      expect(consumptionShare(sales, { ...march, to: '2026-03-01' })).toEqual([
        { storeId: 's1', day: '2026-03-01', memberAmount: 300, totalAmount: 500, amountShare: 0.6, memberTx: 1, totalTx: 3, txShare: 0.3333 },
      ]);
    });
  });
});
