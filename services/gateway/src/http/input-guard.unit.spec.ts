import { assertNoHostileInput, hostileInputProblems, isWellFormedText } from './input-guard.js';
import { ProblemException } from './problem.js';

describe('input guard', () => {
  it('should tell lone surrogates from well-formed text, pairs and astral characters included', () => {
    expect(['', 'plain', '会员', '😀', 'a\u200bb', '\u202e'].every(isWellFormedText)).toBe(true);
    expect(['\ud800', 'a\udc00', '\ud83d', '\ude00x', 'x\ud800\ud800\udc00'].some(isWellFormedText)).toBe(false);
  });

  it('should name every offending field with its path, in arrays and nested objects', () => {
    const body = JSON.parse('{"email":"a\\ud800","prefs":{"styles":["ok","\\udc00"]},"ok":"fine","__proto__":{"x":1},"n":{"constructor":1}}');
    expect(hostileInputProblems(body).map((p) => p.field)).toEqual(['email', 'prefs.styles.1', '__proto__', 'n.constructor']);
  });

  it('should refuse prototype keys written as bracket or dot paths', () => {
    expect(hostileInputProblems({ '__proto__[admin]': '1', 'a.prototype': '1', 'a[constructor]': '1', protocol: '1', constructorName: 'x' }).map((p) => p.field)).toEqual([
      '__proto__[admin]',
      'a.prototype',
      'a[constructor]',
    ]);
  });

  it('should throw a 400 VALIDATION_FAILED naming query and body fields, and nothing for clean input', () => {
    expect(() => assertNoHostileInput({ limit: '5' }, { name: 'Wang' })).not.toThrow();
    let thrown: unknown;
    try {
      assertNoHostileInput({ constructor: '1' }, { name: '\ud800' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect(thrown).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'Invalid input: constructor, name' });
  });
});
