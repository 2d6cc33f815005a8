import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

export const PINO_LOGGER = Symbol('PINO_LOGGER');

/**
 * JSON lines on stdout, one logger per process part (`service`); `enabled: false` silences it
 * (tests). Callers never pass request bodies or personal data.
 */
export function createPinoLogger(enabled = true, service = 'gateway'): Logger {
  return pino({ name: service, level: enabled ? (process.env.LOG_LEVEL ?? 'info') : 'silent', base: { service } });
}

/** Nest's own messages (bootstrap, route mapping) through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
