import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ComplaintsModule, type ComplaintsModuleOptions } from './complaints.module.js';

/** Starts the complaints service (RPC, projections, SLA timers, consumers, relay). */
export async function createComplaintsService(options: ComplaintsModuleOptions = {}) {
  const app = await NestFactory.createApplicationContext(ComplaintsModule.forRoot(options), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await createComplaintsService();
  console.log(JSON.stringify({ level: 'info', service: 'complaints', msg: 'complaints service started' }));
}
