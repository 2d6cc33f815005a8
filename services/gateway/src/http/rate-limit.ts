import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { actorFromAuthorization } from '../auth/jwt-actor.js';
import { ProblemException } from './problem.js';
import { setActor } from './request-context.js';

const UNLIMITED = /^\/(health|metrics|docs)(\/|$)/;

/**
 * Per-caller rate limit, answered 429 problem+json with Retry-After. Authenticated callers are
 * counted by their token's subject (one busy store does not starve another behind the same NAT);
 * anything else by address. Probes, metrics and docs are never limited. Per gateway replica.
 */
export async function installRateLimit(app: NestFastifyApplication, perMinute: number, jwtSecret: string): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    allowList: (request) => UNLIMITED.test(request.url),
    keyGenerator: (request) => {
      try {
        const actor = actorFromAuthorization(request.headers.authorization, jwtSecret);
        setActor(request, actor); // verified once per request: the auth guard reuses it
        return `sub:${actor.id}`;
      } catch {
        return `ip:${request.ip}`;
      }
    },
    errorResponseBuilder: (_request, context) =>
      new ProblemException(429, 'RATE_LIMITED', `Too many requests: at most ${context.max} a minute; retry in ${context.after}`),
  });
}
