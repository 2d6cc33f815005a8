import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { MembersModule, type MembersModuleOptions } from './members.module.js';

/** Starts the members service (RPC, projections, relay) as a Nest application context. */
export async function createMembersService(options: MembersModuleOptions = {}) {
  const app = await NestFactory.createApplicationContext(MembersModule.forRoot(options), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = await createMembersService();
  console.log(JSON.stringify({ level: 'info', service: 'members', msg: 'members service started' }));
  void app;
}
