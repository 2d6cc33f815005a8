// Forged, expired, malformed and over-reaching tokens: every one is a 401, or (for a valid token
// claiming more than its role allows) no wider access than the role's own.
import { createHmac } from 'node:crypto';
import { ACTORS } from './scope.mjs';

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hs256 = (header, claims, key) => {
  const head = `${b64(header)}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
};

export async function tokenForgery(probe, { secret, seeded, short }) {
  const now = Math.floor(Date.now() / 1000);
  const admin = { sub: 'forger', role: 'admin', exp: now + 600 };
  const tokens = {
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(admin)}.`,
    'alg none, signature kept': `${b64({ alg: 'none' })}.${b64(admin)}.${hs256({ alg: 'HS256' }, admin, secret).split('.')[2]}`,
    'alg NONE': `${b64({ alg: 'NONE' })}.${b64(admin)}.`,
    'wrong key': hs256({ alg: 'HS256', typ: 'JWT' }, admin, 'not-the-secret'),
    'empty key': hs256({ alg: 'HS256' }, admin, ''),
    'HS512 with the secret': (() => {
      const head = `${b64({ alg: 'HS512' })}.${b64(admin)}`;
      return `${head}.${createHmac('sha512', secret).update(head).digest('base64url')}`;
    })(),
    'RS256 header, HMAC signature': hs256({ alg: 'RS256' }, admin, secret).replace(/^[^.]+/, b64({ alg: 'RS256' })),
    expired: hs256({ alg: 'HS256' }, { ...admin, exp: now - 60 }, secret),
    'no exp': hs256({ alg: 'HS256' }, { sub: 'forger', role: 'admin' }, secret),
    'exp as text': hs256({ alg: 'HS256' }, { ...admin, exp: 'never' }, secret),
    'nbf in the future': hs256({ alg: 'HS256' }, { ...admin, nbf: now + 3600 }, secret),
    'customer promoted to admin, wrong key': hs256({ alg: 'HS256' }, { sub: 'sec-customer-9', role: 'admin', exp: now + 600 }, 'guess'),
    'unknown role': hs256({ alg: 'HS256' }, { sub: 'x', role: 'root', exp: now + 600 }, secret),
    'role as array': hs256({ alg: 'HS256' }, { sub: 'x', role: ['admin'], exp: now + 600 }, secret),
    'sub as object': hs256({ alg: 'HS256' }, { sub: { id: 1 }, role: 'admin', exp: now + 600 }, secret),
    'store role without store': hs256({ alg: 'HS256' }, { sub: 'x', role: 'store_staff', exp: now + 600 }, secret),
    'kid traversal': hs256({ alg: 'HS256', kid: '../../../../dev/null' }, admin, ''),
    'claims not JSON': `${b64({ alg: 'HS256' })}.${b64('not json')}.${createHmac('sha256', secret).update(`${b64({ alg: 'HS256' })}.${b64('not json')}`).digest('base64url')}`,
    'four parts': `${hs256({ alg: 'HS256' }, admin, secret)}.extra`,
    'two parts': hs256({ alg: 'HS256' }, admin, secret).split('.').slice(0, 2).join('.'),
    'not base64': 'a$b.c%d.e^f',
    huge: 'a'.repeat(8000),
  };
  const schemes = { 'Basic scheme': 'Basic YWRtaW46YWRtaW4=', 'Bearer only': 'Bearer', 'Bearer, two spaces': `Bearer  ${hs256({ alg: 'HS256' }, admin, secret)}`, 'lower-case bearer with garbage': 'bearer x.y.z' };
  const paths = short ? ['/v1/members'] : ['/v1/members', `/v1/members/${seeded.member.id}`, '/v1/complaints', `/v1/complaints/${seeded.complaints[0]}`, '/v1/config/stores'];
  const must401 = (res) => (res.status === 401 ? undefined : `a forged or broken token answered ${res.status}`);
  for (const [label, token] of Object.entries(tokens)) {
    for (const path of paths) await probe.send('token-forgery', { path, as: `Bearer ${token}`, secrets: seeded.secrets, expect: must401, label });
  }
  for (const [label, value] of Object.entries(schemes)) {
    // two spaces before a genuine token is a formatting slip, not a forgery: either answer is fine
    const genuine = label === 'Bearer, two spaces';
    await probe.send('token-forgery', { path: '/v1/members', as: value, secrets: genuine ? [] : seeded.secrets, expect: genuine ? undefined : must401, label });
  }
  // valid signatures claiming more than the role carries: never wider than the role's own scope
  const escalations = {
    'store_staff of S002 claiming regionIds [R1]': { ...ACTORS.staff_S002, regionIds: ['R1'] },
    'store_staff of S002 claiming storeIds [S001]': { ...ACTORS.staff_S002, storeIds: ['S001'] },
    'customer claiming storeId S001': { ...ACTORS.customer, storeId: 'S001' },
    'hq agent of R2 claiming storeId S001': { ...ACTORS.agent_R2, storeId: 'S001' },
    'customer claiming admin in another claim': { ...ACTORS.customer, roles: ['admin'], isAdmin: true },
  };
  for (const [label, claims] of Object.entries(escalations)) {
    for (const path of [`/v1/members/${seeded.member.id}`, `/v1/complaints/${seeded.complaints[0]}`, `/v1/members/${seeded.member.id}/history`]) {
      await probe.send('token-forgery', {
        path,
        as: claims,
        secrets: seeded.secrets,
        label,
        expect: (res) => ([401, 403, 404].includes(res.status) ? undefined : `an escalated token read an out-of-scope object (${res.status})`),
      });
    }
  }
}
