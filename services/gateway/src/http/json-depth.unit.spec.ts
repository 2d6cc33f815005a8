import { MAX_JSON_DEPTH, jsonNestingExceeds } from './json-depth.js';

const nested = (levels: number, open = '{"a":', close = '}') => `${open.repeat(levels)}1${close.repeat(levels)}`;

describe('JSON nesting depth', () => {
  describe('when the body is nested up to the limit', () => {
    it('should accept 32 levels of objects or arrays', () => {
      expect(MAX_JSON_DEPTH).toBe(32);
      expect(jsonNestingExceeds(nested(32))).toBe(false);
      expect(jsonNestingExceeds(nested(32, '[', ']'))).toBe(false);
      expect(jsonNestingExceeds('{"a":[{"b":[]}],"c":{}}', 4)).toBe(false);
    });

    it('should not count brackets inside strings, escaped quotes included', () => {
      expect(jsonNestingExceeds(JSON.stringify({ note: '{'.repeat(100), q: 'say \\"[[[[" and "{{{{' }), 1)).toBe(false);
    });
  });

  describe('when the body is nested deeper than the limit', () => {
    it('should refuse 33 levels and mixed objects and arrays', () => {
      expect(jsonNestingExceeds(nested(33))).toBe(true);
      expect(jsonNestingExceeds(nested(17, '{"a":[', ']}'))).toBe(true);
      expect(jsonNestingExceeds(`{"x":${nested(5000)}}`)).toBe(true);
    });

    it('should refuse a deep but unterminated body too', () => {
      expect(jsonNestingExceeds('['.repeat(40))).toBe(true);
    });
  });
});
