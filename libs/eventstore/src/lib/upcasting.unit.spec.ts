import { UpcasterChain } from './upcasting.js';

describe('UpcasterChain', () => {
  const chain = new UpcasterChain([
    { type: 'MemberApplied', fromVersion: 1, upcast: (d) => ({ ...d, fullName: d.name, name: undefined }) },
    { type: 'MemberApplied', fromVersion: 2, upcast: (d) => ({ ...d, consent: d.consent ?? false }) },
  ]);

  it('runs every step from the stored version to the latest', () => {
    expect(chain.apply('MemberApplied', 1, { name: 'Li' })).toEqual({
      schemaVersion: 3,
      data: { fullName: 'Li', name: undefined, consent: false },
    });
  });

  it('leaves current payloads and other types untouched', () => {
    expect(chain.apply('MemberApplied', 3, { fullName: 'Li' })).toEqual({ schemaVersion: 3, data: { fullName: 'Li' } });
    expect(chain.apply('ComplaintFiled', 1, { a: 1 })).toEqual({ schemaVersion: 1, data: { a: 1 } });
  });
});
