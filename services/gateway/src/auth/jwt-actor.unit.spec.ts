import jwt from 'jsonwebtoken';
import { actorFromAuthorization, claimsToActor, InvalidTokenError } from './jwt-actor.js';

const SECRET = 'unit-secret';
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof InvalidTokenError ? error.code : 'other';
  }
  return undefined;
};

describe('JWT claims to actor', () => {
  describe('when the claims are well formed', () => {
    it('should keep id, role, store, regions and name only', () => {
      expect(claimsToActor({ sub: 'u1', role: 'hq_cs_agent', regionIds: ['R1', 'R2'], name: 'Li Na', iat: 1, extra: 'x' })).toEqual({
        id: 'u1',
        role: 'hq_cs_agent',
        regionIds: ['R1', 'R2'],
        name: 'Li Na',
      });
      expect(claimsToActor({ sub: 'u2', role: 'store_staff', storeId: 'S001' })).toEqual({ id: 'u2', role: 'store_staff', storeId: 'S001' });
    });
  });

  describe('when the claims are malformed', () => {
    it.each([
      ['no subject', { role: 'admin' }],
      ['empty subject', { sub: '', role: 'admin' }],
      ['unknown role', { sub: 'u', role: 'root' }],
      ['no role', { sub: 'u' }],
      ['numeric storeId', { sub: 'u', role: 'store_staff', storeId: 1 }],
      ['regionIds not a list', { sub: 'u', role: 'hq_cs_agent', regionIds: 'R1' }],
      ['regionIds with a number', { sub: 'u', role: 'hq_cs_agent', regionIds: ['R1', 2] }],
      ['claims not an object', 'string'],
    ])('should refuse %s', (_label, claims) => {
      expect(codeOf(() => claimsToActor(claims))).toBe('TOKEN_INVALID');
    });
  });
});

describe('Authorization header', () => {
  const sign = (claims: object, options: jwt.SignOptions = {}, secret = SECRET) => jwt.sign(claims, secret, { algorithm: 'HS256', ...options });

  it('should verify an HS256 bearer token', () => {
    expect(actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin' })}`, SECRET)).toEqual({ id: 'u', role: 'admin' });
  });

  it('should refuse a missing header, another scheme, a wrong secret and an expired token', () => {
    expect(codeOf(() => actorFromAuthorization(undefined, SECRET))).toBe('TOKEN_MISSING');
    expect(codeOf(() => actorFromAuthorization(`Basic abc`, SECRET))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin' }, {}, 'other')}`, SECRET))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 })}`, SECRET))).toBe('TOKEN_EXPIRED');
  });

  it('should refuse a token signed with another algorithm', () => {
    const none = jwt.sign({ sub: 'u', role: 'admin' }, '', { algorithm: 'none' });
    expect(codeOf(() => actorFromAuthorization(`Bearer ${none}`, SECRET))).toBe('TOKEN_INVALID');
    const hs512 = jwt.sign({ sub: 'u', role: 'admin' }, SECRET, { algorithm: 'HS512' });
    expect(codeOf(() => actorFromAuthorization(`Bearer ${hs512}`, SECRET))).toBe('TOKEN_INVALID');
  });
});
