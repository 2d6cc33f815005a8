import jwt from 'jsonwebtoken';
import type { Actor } from '@cs/eventstore';
import { isRole } from './roles.js';

/** Why a token was refused; becomes a 401 problem. */
export class InvalidTokenError extends Error {
  constructor(
    readonly code: 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED',
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** Turns verified claims into the actor forwarded on RPC calls, refusing malformed claims. */
export function claimsToActor(claims: unknown): Actor {
  if (claims === null || typeof claims !== 'object') throw new InvalidTokenError('TOKEN_INVALID', 'Token has no claims');
  const c = claims as Record<string, unknown>;
  if (!isNonEmptyString(c.sub)) throw new InvalidTokenError('TOKEN_INVALID', 'Token has no subject');
  if (!isRole(c.role)) throw new InvalidTokenError('TOKEN_INVALID', 'Token has no known role');
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

/** Reads `Authorization: Bearer <JWT>` (HS256 only) into an actor. */
export function actorFromAuthorization(header: string | undefined, secret: string): Actor {
  if (!header) throw new InvalidTokenError('TOKEN_MISSING', 'An Authorization: Bearer token is required');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new InvalidTokenError('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
  let claims: unknown;
  try {
    claims = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
  } catch (error) {
    if ((error as Error).name === 'TokenExpiredError') throw new InvalidTokenError('TOKEN_EXPIRED', 'The token has expired');
    throw new InvalidTokenError('TOKEN_INVALID', 'The token is not valid');
  }
  return claimsToActor(claims);
}
