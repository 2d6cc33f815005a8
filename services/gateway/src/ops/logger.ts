import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

export const PINO_LOGGER = Symbol('PINO_LOGGER');

/** JSON lines on stdout; `enabled: false` for tests. Never given request bodies. */
export function createPinoLogger(enabled = true): Logger {
  return pino({ name: 'gateway', level: enabled ? (process.env.LOG_LEVEL ?? 'info') : 'silent', base: { service: 'gateway' } });
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
