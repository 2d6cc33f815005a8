import { ERASED, erased, isSealed, newDataKey, open, seal } from './field-cipher.js';

describe('Personal field cipher', () => {
  const key = newDataKey();

  it('should seal a value into an opaque string that opens to the same value', () => {
    for (const value of ['王芳', '13812341234', { styles: ['casual'] }, ['a'], true]) {
      const sealed = seal(key, 'm-1', value);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed).not.toContain(typeof value === 'string' ? value : 'casual');
      expect(open(key, 'm-1', sealed)).toEqual(value);
    }
  });

  it('should seal the same value differently each time (a fresh IV)', () => {
    expect(seal(key, 'm-1', '王芳')).not.toBe(seal(key, 'm-1', '王芳'));
  });

  it('should refuse to open under another key, for another member, or once altered', () => {
    const sealed = seal(key, 'm-1', 'wang@example.com');
    expect(() => open(newDataKey(), 'm-1', sealed)).toThrow();
    expect(() => open(key, 'm-2', sealed)).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => open(key, 'm-1', flipped)).toThrow();
  });

  it('should read an erased value as a placeholder of the same shape', () => {
    expect(erased(seal(key, 'm-1', '王芳'))).toBe(ERASED);
    expect(erased(seal(key, 'm-1', { sms: true }))).toEqual({});
    expect(erased(seal(key, 'm-1', ['casual']))).toEqual([]);
  });

  it('should tell sealed values from plain ones', () => {
    expect(isSealed('王芳')).toBe(false);
    expect(isSealed(undefined)).toBe(false);
    expect(isSealed({})).toBe(false);
  });
});
