import jwt from 'jsonwebtoken';
import { actorFromAuthorization, claimsToActor, InvalidTokenError } from './jwt-actor.js';
import { VerifiedTokens } from './verified-tokens.js';

const SECRET = 'unit-secret';
const exp = Math.floor(Date.now() / 1000) + 600;
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
      expect(claimsToActor({ sub: 'u1', role: 'hq_cs_agent', regionIds: ['R1', 'R2'], name: 'Li Na', iat: 1, exp, extra: 'x' })).toEqual({
        id: 'u1',
        role: 'hq_cs_agent',
        regionIds: ['R1', 'R2'],
        name: 'Li Na',
      });
      expect(claimsToActor({ sub: 'u2', role: 'store_staff', storeId: 'S001', exp })).toEqual({ id: 'u2', role: 'store_staff', storeId: 'S001' });
    });

    it('should not require a store or regions of unscoped roles', () => {
      expect(claimsToActor({ sub: 'u3', role: 'hq_cs_manager', exp })).toEqual({ id: 'u3', role: 'hq_cs_manager' });
      expect(claimsToActor({ sub: 'M1', role: 'customer', exp })).toEqual({ id: 'M1', role: 'customer' });
    });
  });

  describe('when the claims are malformed', () => {
    it.each([
      ['no subject', { role: 'admin', exp }],
      ['empty subject', { sub: '', role: 'admin', exp }],
      ['unknown role', { sub: 'u', role: 'root', exp }],
      ['no role', { sub: 'u', exp }],
      ['numeric storeId', { sub: 'u', role: 'store_staff', storeId: 1, exp }],
      ['regionIds not a list', { sub: 'u', role: 'hq_cs_agent', regionIds: 'R1', exp }],
      ['regionIds with a number', { sub: 'u', role: 'hq_cs_agent', regionIds: ['R1', 2], exp }],
      ['regionIds with an empty id', { sub: 'u', role: 'hq_cs_agent', regionIds: [''], exp }],
      ['claims not an object', 'string'],
    ])('should refuse %s', (_label, claims) => {
      expect(codeOf(() => claimsToActor(claims))).toBe('TOKEN_INVALID');
    });
  });

  describe('when the token never expires', () => {
    it.each([
      ['no exp', { sub: 'u', role: 'admin' }],
      ['a string exp', { sub: 'u', role: 'admin', exp: String(exp) }],
      ['a null exp', { sub: 'u', role: 'admin', exp: null }],
    ])('should refuse %s with TOKEN_EXPIRY_REQUIRED', (_label, claims) => {
      expect(codeOf(() => claimsToActor(claims))).toBe('TOKEN_EXPIRY_REQUIRED');
    });
  });

  describe('when a scoped role has no scope', () => {
    it.each([
      ['store_staff without storeId', { sub: 'u', role: 'store_staff', exp }],
      ['store_manager without storeId', { sub: 'u', role: 'store_manager', exp }],
      ['store_staff with an empty storeId', { sub: 'u', role: 'store_staff', storeId: '', exp }],
      ['hq_cs_agent without regionIds', { sub: 'u', role: 'hq_cs_agent', exp }],
      ['hq_cs_agent with no regions', { sub: 'u', role: 'hq_cs_agent', regionIds: [], exp }],
    ])('should refuse %s with TOKEN_SCOPE_MISSING', (_label, claims) => {
      expect(codeOf(() => claimsToActor(claims))).toBe('TOKEN_SCOPE_MISSING');
    });
  });
});

describe('Authorization header', () => {
  const sign = (claims: object, options: jwt.SignOptions = { expiresIn: '10m' }, secret = SECRET) =>
    jwt.sign(claims, secret, { algorithm: 'HS256', ...options });

  it('should verify an HS256 bearer token', () => {
    expect(actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin' })}`, SECRET)).toEqual({ id: 'u', role: 'admin' });
  });

  it('should refuse a missing header, another scheme, a wrong secret and an expired token', () => {
    expect(codeOf(() => actorFromAuthorization(undefined, SECRET))).toBe('TOKEN_MISSING');
    expect(codeOf(() => actorFromAuthorization(`Basic abc`, SECRET))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin' }, { expiresIn: '10m' }, 'other')}`, SECRET))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 }, {})}`, SECRET))).toBe('TOKEN_EXPIRED');
  });

  it('should refuse a correctly signed token without exp', () => {
    expect(codeOf(() => actorFromAuthorization(`Bearer ${sign({ sub: 'u', role: 'admin' }, {})}`, SECRET))).toBe('TOKEN_EXPIRY_REQUIRED');
  });

  it('should refuse a token signed with another algorithm', () => {
    const none = jwt.sign({ sub: 'u', role: 'admin' }, '', { algorithm: 'none', expiresIn: '10m' });
    expect(codeOf(() => actorFromAuthorization(`Bearer ${none}`, SECRET))).toBe('TOKEN_INVALID');
    const hs512 = jwt.sign({ sub: 'u', role: 'admin' }, SECRET, { algorithm: 'HS512', expiresIn: '10m' });
    expect(codeOf(() => actorFromAuthorization(`Bearer ${hs512}`, SECRET))).toBe('TOKEN_INVALID');
  });
});

describe('a verified token kept for reuse', () => {
  const t0 = Date.UTC(2026, 5, 1);
  const sec = (ms: number) => Math.floor(ms / 1000);
  const bearer = (claims: object) => `Bearer ${jwt.sign(claims, SECRET, { algorithm: 'HS256' })}`;

  it('should refuse it from the instant it expires, though it verified before', () => {
    const header = bearer({ sub: 'cached-expiry', role: 'admin', exp: sec(t0) + 30 });
    expect(actorFromAuthorization(header, SECRET, t0)).toEqual({ id: 'cached-expiry', role: 'admin' });
    expect(actorFromAuthorization(header, SECRET, t0 + 29_999)).toEqual({ id: 'cached-expiry', role: 'admin' });
    expect(codeOf(() => actorFromAuthorization(header, SECRET, t0 + 30_000))).toBe('TOKEN_EXPIRED');
  });

  it('should refuse the same claims under a forged signature, and under another secret', () => {
    const header = bearer({ sub: 'cached-forgery', role: 'store_staff', storeId: 'S001', exp: sec(t0) + 600 });
    expect(actorFromAuthorization(header, SECRET, t0)).toMatchObject({ id: 'cached-forgery' });
    const [head, payload] = header.slice('Bearer '.length).split('.');
    const forged = `Bearer ${head}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect(codeOf(() => actorFromAuthorization(forged, SECRET, t0 + 1_000))).toBe('TOKEN_INVALID');
    expect(codeOf(() => actorFromAuthorization(header, 'another-secret', t0 + 1_000))).toBe('TOKEN_INVALID');
  });

  it('should hand out a copy: a caller changing its actor changes nothing for the next request', () => {
    const header = bearer({ sub: 'cached-copy', role: 'hq_cs_agent', regionIds: ['R1'], exp: sec(t0) + 600 });
    const first = actorFromAuthorization(header, SECRET, t0);
    first.regionIds!.push('R9');
    first.role = 'admin';
    expect(actorFromAuthorization(header, SECRET, t0 + 1_000)).toEqual({ id: 'cached-copy', role: 'hq_cs_agent', regionIds: ['R1'] });
  });
});

describe('VerifiedTokens', () => {
  const actor = { id: 'u', role: 'admin' };

  it('should forget an entry after its TTL even when the token lives longer', () => {
    const tokens = new VerifiedTokens(10, 60_000);
    tokens.set('t', actor, 10 * 60_000, 0);
    expect(tokens.get('t', 59_999)).toEqual(actor);
    expect(tokens.get('t', 60_000)).toBeUndefined();
  });

  it('should keep at most its bound, dropping the least recently used', () => {
    const tokens = new VerifiedTokens(2, 60_000);
    tokens.set('a', actor, 60_000, 0);
    tokens.set('b', actor, 60_000, 0);
    tokens.get('a', 1);
    tokens.set('c', actor, 60_000, 2);
    expect([tokens.get('a', 3), tokens.get('b', 3), tokens.get('c', 3)]).toEqual([actor, undefined, actor]);
  });
});
