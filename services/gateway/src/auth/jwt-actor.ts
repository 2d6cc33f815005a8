import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Actor } from '@cs/eventstore';
import { isRole, REGION_SCOPED_ROLES, STORE_SCOPED_ROLES } from '@cs/org';
import { VerifiedTokens } from './verified-tokens.js';

/** Why a token was refused; becomes a 401 problem. */
export class InvalidTokenError extends Error {
  constructor(
    readonly code: 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_EXPIRY_REQUIRED' | 'TOKEN_SCOPE_MISSING',
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/**
 * Turns verified claims into the actor forwarded on RPC calls, refusing malformed claims, tokens
 * that never expire, and scoped roles without their scope (a store role without `storeId` or an
 * HQ agent without `regionIds` would otherwise reach services that cannot scope it).
 */
export function claimsToActor(claims: unknown): Actor {
  if (claims === null || typeof claims !== 'object') throw new InvalidTokenError('TOKEN_INVALID', 'Token has no claims');
  const c = claims as Record<string, unknown>;
  if (typeof c.exp !== 'number' || !Number.isFinite(c.exp)) {
    throw new InvalidTokenError('TOKEN_EXPIRY_REQUIRED', 'The token must carry a numeric exp (expiry) claim');
  }
  if (!isNonEmptyString(c.sub)) throw new InvalidTokenError('TOKEN_INVALID', 'Token has no subject');
  if (!isRole(c.role)) throw new InvalidTokenError('TOKEN_INVALID', 'Token has no known role');
  if (STORE_SCOPED_ROLES.includes(c.role) && (c.storeId === undefined || c.storeId === '')) {
    throw new InvalidTokenError('TOKEN_SCOPE_MISSING', `A ${c.role} token must carry its storeId`);
  }
  if (REGION_SCOPED_ROLES.includes(c.role) && (c.regionIds === undefined || (Array.isArray(c.regionIds) && c.regionIds.length === 0))) {
    throw new InvalidTokenError('TOKEN_SCOPE_MISSING', `A ${c.role} token must carry a non-empty regionIds list`);
  }
  const actor: Actor = { id: c.sub, role: c.role };
  if (c.storeId !== undefined) {
    if (!isNonEmptyString(c.storeId)) throw new InvalidTokenError('TOKEN_INVALID', 'Token storeId is malformed');
    actor.storeId = c.storeId;
  }
  if (c.regionIds !== undefined) {
    if (!Array.isArray(c.regionIds) || !c.regionIds.every(isNonEmptyString)) {
      throw new InvalidTokenError('TOKEN_INVALID', 'Token regionIds is malformed');
    }
    actor.regionIds = [...c.regionIds];
  }
  if (c.name !== undefined) {
    if (!isNonEmptyString(c.name)) throw new InvalidTokenError('TOKEN_INVALID', 'Token name is malformed');
    actor.name = c.name;
  }
  return actor;
}

interface SecretState {
  /** One key object per secret: building it on every request showed up in CPU profiles. */
  key: KeyObject;
  verified: VerifiedTokens;
}
const secrets = new Map<string, SecretState>();
function stateFor(secret: string): SecretState {
  let state = secrets.get(secret);
  if (!state) secrets.set(secret, (state = { key: createSecretKey(Buffer.from(secret, 'utf8')), verified: new VerifiedTokens() }));
  return state;
}

/** Reads `Authorization: Bearer <JWT>` (HS256 only) into an actor; `now` (epoch ms) is for tests. */
export function actorFromAuthorization(header: string | undefined, secret: string, now = Date.now()): Actor {
  if (!header) throw new InvalidTokenError('TOKEN_MISSING', 'An Authorization: Bearer token is required');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new InvalidTokenError('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
  const token = match[1];
  const { key, verified } = stateFor(secret);
  const known = verified.get(token, now);
  if (known) return known;
  let claims: unknown;
  try {
    claims = jwt.verify(token, key, { algorithms: ['HS256'], clockTimestamp: Math.floor(now / 1000) });
  } catch (error) {
    if ((error as Error).name === 'TokenExpiredError') throw new InvalidTokenError('TOKEN_EXPIRED', 'The token has expired');
    throw new InvalidTokenError('TOKEN_INVALID', 'The token is not valid');
  }
  const actor = claimsToActor(claims);
  verified.set(token, actor, (claims as { exp: number }).exp * 1000, now);
  return actor;
}
