export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');

export const DEFAULT_JWT_SECRET = 'dev-secret-change-me';

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

export const DEFAULT_READINESS_SERVICES = ['members', 'complaints'];

/** Reads the process environment (main.ts only; tests pass options directly). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayOptions & { port: number; host: string } {
  const timeout = Number(env.RPC_TIMEOUT_MS ?? 5000);
  const port = Number(env.PORT ?? 3000);
  return {
    port: Number.isInteger(port) && port >= 0 ? port : 3000,
    host: env.HOST || '0.0.0.0',
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    jwtSecret: env.JWT_SECRET || DEFAULT_JWT_SECRET,
    subjectPrefix: env.NATS_SUBJECT_PREFIX ?? '',
    rpcTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 5000,
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200) || 1200,
    readinessServices: env.READINESS_SERVICES
      ? env.READINESS_SERVICES.split(',').map((s) => s.trim()).filter(Boolean)
      : DEFAULT_READINESS_SERVICES,
  };
}
