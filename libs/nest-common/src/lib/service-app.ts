import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPinoLogger, initTracing, PinoNestLogger } from '@cs/observability';

/**
 * Creates a service process: its work is NATS RPC, processors and consumers (all started on
 * init); its HTTP side only serves `/health/*` and `/metrics`. Initialised, not listening.
 */
export async function createServiceApp(service: string, module: DynamicModule, logging = true): Promise<NestFastifyApplication> {
  initTracing(service);
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    logger: logging ? new PinoNestLogger(createPinoLogger(true, service)) : false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

/** Runs a service as a process: listens for probes and metrics on HEALTH_PORT (or the default). */
export async function runServiceProcess(service: string, create: () => Promise<NestFastifyApplication>, defaultPort: number): Promise<void> {
  const app = await create();
  const port = Number(process.env.HEALTH_PORT ?? defaultPort);
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  createPinoLogger(true, service).info({ port }, `${service} service started; probes and metrics on :${port}`);
}
