import { canSeeFullMobile, maskMobile, presentMobile } from './pii.js';

describe('personal data presentation', () => {
  it('masks the middle of a mobile number and short values entirely', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskMobile('1234567')).toBe('*******');
  });

  it.each(['hq_cs_manager', 'admin'])('shows the full number to %s', (role) => {
    expect(canSeeFullMobile(role)).toBe(true);
    expect(presentMobile('13812341234', { id: 'u', role })).toBe('13812341234');
  });

  it.each(['store_staff', 'store_manager', 'hq_cs_agent', 'analyst', 'customer', undefined])('masks it for %s', (role) => {
    expect(canSeeFullMobile(role)).toBe(false);
    expect(presentMobile('13812341234', role ? { id: 'u', role } : undefined)).toBe('138****1234');
  });

  it('shows it to a caller the record entitles', () => {
    expect(presentMobile('13812341234', { id: 'agent', role: 'hq_cs_agent' }, true)).toBe('13812341234');
  });
});
