import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from '@nats-io/transport-node';
import { natsConnectionOptions } from '@cs/messaging';
import { DEFAULT_JWT_SECRET, type GatewayOptions } from './gateway.options.js';
import { clientErrorHandler, correlationIdFor, frameworkErrors, HTTP_SERVER_OPTIONS, installInputGuard, installJsonParser, installRequestHooks } from './http/fastify-setup.js';
import { initTracing } from '@cs/observability';
import { GatewayModule } from './gateway.module.js';
import { installRateLimit } from './http/rate-limit.js';
import { setupDocs } from './ops/docs.js';
import { createPinoLogger, PinoNestLogger } from '@cs/observability';
import { HttpMetrics } from './ops/metrics.js';

export type { GatewayOptions } from './gateway.options.js';

/**
 * The largest valid command (a working calendar of 2 × 1,000 dates, or a complaint's texts of
 * 2,000 characters each, even \u-escaped) is well under 64 KB. A larger limit let every hostile
 * request hold a megabyte several times over (raw text, parsed copy, validation) while in flight:
 * a burst of them drove the gateway's resident memory to hundreds of MiB.
 */
export const BODY_LIMIT = 64 * 1024;

/**
 * Builds the initialised gateway (not listening): connects to NATS, wires auth, problems,
 * validation, metrics and docs. `app.close()` drains the NATS connection.
 */
export async function createGatewayApp(options: GatewayOptions): Promise<NestFastifyApplication> {
  initTracing('gateway');
  const logger = createPinoLogger(options.logger ?? true);
  if (options.jwtSecret === DEFAULT_JWT_SECRET) logger.warn('JWT_SECRET is the development default: set it outside local development');
  const nc = await connect(natsConnectionOptions('cs-gateway', options.natsUrl));
  try {
    const metrics = new HttpMetrics();
    const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT, genReqId: correlationIdFor, frameworkErrors, clientErrorHandler, http: HTTP_SERVER_OPTIONS });
    const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot({ options, nc, logger, metrics }), adapter, {
      bodyParser: false,
      logger: options.logger === false ? false : new PinoNestLogger(logger),
      abortOnError: false,
    });
    const fastify = app.getHttpAdapter().getInstance();
    installJsonParser(fastify);
    installRequestHooks(fastify, metrics, logger);
    installInputGuard(fastify);
    await installRateLimit(app, options.rateLimitPerMinute ?? 1200, options.jwtSecret);
    setupDocs(app);
    await app.init();
    return app;
  } catch (error) {
    await nc.close().catch(() => undefined);
    throw error;
  }
}
