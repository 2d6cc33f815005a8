import { readinessServiceNames } from '@cs/platform';

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');

export const DEFAULT_JWT_SECRET = 'dev-secret-change-me';

/** Shortest JWT_SECRET accepted in production (HS256 wants at least 256 bits of key). */
export const MIN_PRODUCTION_JWT_SECRET_LENGTH = 32;

export interface GatewayOptions {
  natsUrl: string;
  jwtSecret: string;
  /** Prepended to every RPC subject (tests isolate themselves with it). */
  subjectPrefix?: string;
  rpcTimeoutMs?: number;
  /** false silences the JSON logs (tests). */
  logger?: boolean;
  /** Services whose `<svc>.rpc.Ping` must answer for /health/ready. */
  readinessServices?: string[];
  /** Ping timeout for /health/ready. */
  readinessTimeoutMs?: number;
  /** Requests per minute per caller before 429 (default 1200). */
  rateLimitPerMinute?: number;
}

/** The services the registry (@cs/platform) marks as needed for readiness. */
export const DEFAULT_READINESS_SERVICES: readonly string[] = readinessServiceNames();

const isProduction = (env: NodeJS.ProcessEnv): boolean => env.NODE_ENV?.trim().toLowerCase() === 'production';

/**
 * JWT_SECRET, refusing (throws) in production when it is missing, empty, the development default
 * or shorter than MIN_PRODUCTION_JWT_SECRET_LENGTH. Elsewhere a missing secret falls back to the
 * development default (createGatewayApp warns about it).
 */
export function jwtSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.JWT_SECRET ?? '';
  if (!isProduction(env)) return secret || DEFAULT_JWT_SECRET;
  const problem =
    secret.trim() === ''
      ? 'is missing or empty'
      : secret === DEFAULT_JWT_SECRET
        ? 'is the development default'
        : secret.length < MIN_PRODUCTION_JWT_SECRET_LENGTH
          ? `is shorter than ${MIN_PRODUCTION_JWT_SECRET_LENGTH} characters`
          : undefined;
  if (problem) {
    throw new Error(
      `JWT_SECRET ${problem}: with NODE_ENV=production the gateway needs a random secret of at least ${MIN_PRODUCTION_JWT_SECRET_LENGTH} characters ` +
        '(for example `openssl rand -base64 48`), shared with whoever issues the tokens',
    );
  }
  return secret;
}

/** Reads the process environment (main.ts only; tests pass options directly). Throws on an unsafe production JWT_SECRET. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayOptions & { port: number; host: string } {
  const timeout = Number(env.RPC_TIMEOUT_MS ?? 5000);
  const port = Number(env.PORT ?? 3000);
  return {
    port: Number.isInteger(port) && port >= 0 ? port : 3000,
    host: env.HOST || '0.0.0.0',
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    jwtSecret: jwtSecretFromEnv(env),
    subjectPrefix: env.NATS_SUBJECT_PREFIX ?? '',
    rpcTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 5000,
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200) || 1200,
    readinessServices: env.READINESS_SERVICES
      ? env.READINESS_SERVICES.split(',').map((s) => s.trim()).filter(Boolean)
      : [...DEFAULT_READINESS_SERVICES],
  };
}
