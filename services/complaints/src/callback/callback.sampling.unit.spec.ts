import { drawSample, type SampleCandidate } from './callback.sampling.js';

const cases = (store: string, n: number, kind: SampleCandidate['kind'] = 'complaint'): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ caseRef: `${store}-${kind}-${i}`, kind, storeId: store }));

describe('The monthly sampling draw (R118)', () => {
  const population = [...cases('S001', 10), ...cases('S002', 3), ...cases('S002', 2, 'after_sales')];

  it('should draw ceil(rate × population) per store', () => {
    const draw = drawSample(population, 0.2, '2026-03');
    expect(draw.items.filter((c) => c.storeId === 'S001')).toHaveLength(2);
    expect(draw.items.filter((c) => c.storeId === 'S002')).toHaveLength(1);
    expect(draw).toMatchObject({ population: 15, sampled: 3, coverage: 0.2 });
  });

  it('should pick the same cases for the same month, whatever the order they come in', () => {
    const once = drawSample(population, 0.2, '2026-03').items.map((c) => c.caseRef);
    const again = drawSample([...population].reverse(), 0.2, '2026-03').items.map((c) => c.caseRef);
    expect(again).toEqual(once);
  });

  it('should pick differently for another month', () => {
    const march = drawSample(cases('S001', 50), 0.2, '2026-03').items.map((c) => c.caseRef);
    const april = drawSample(cases('S001', 50), 0.2, '2026-04').items.map((c) => c.caseRef);
    expect(april).not.toEqual(march);
  });

  it('should count a case once and report zero coverage for nothing to draw', () => {
    expect(drawSample([...cases('S001', 2), ...cases('S001', 2)], 0.5, 'm').population).toBe(2);
    expect(drawSample([], 0.2, 'm')).toEqual({ population: 0, sampled: 0, coverage: 0, items: [] });
  });

  it('should refuse a rate outside (0, 1]', () => {
    expect(() => drawSample(population, 0, 'm')).toThrow(RangeError);
    expect(() => drawSample(population, 1.5, 'm')).toThrow(RangeError);
  });
});
