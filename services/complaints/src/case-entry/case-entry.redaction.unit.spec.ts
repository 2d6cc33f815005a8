import { REDACTED, redactPersonalData } from './case-entry.redaction.js';

describe('Case text redaction', () => {
  it('should remove mobiles, landlines, e-mails and id numbers', () => {
    const text = 'Call 13912345678 or +86 139-1234-5678, office 021-61234567, mail wang.fang@example.com, id 11010519491231002X';
    const out = redactPersonalData(text);
    expect(out).not.toMatch(/1391234|61234567|example\.com|11010519491231002X/);
    expect(out.split(REDACTED).length - 1).toBe(5);
  });

  it('should remove the names the case carries, longest first', () => {
    expect(redactPersonalData('Wang Fang said Wang was rude', ['Wang', 'Wang Fang'])).toBe(`${REDACTED} said ${REDACTED} was rude`);
  });

  it('should leave ordinary numbers such as prices and order numbers', () => {
    expect(redactPersonalData('Refunded 299 yuan on order 20260301')).toBe('Refunded 299 yuan on order 20260301');
  });

  it('should ignore blank names', () => {
    expect(redactPersonalData('nothing here', ['', ' '])).toBe('nothing here');
  });
});
