import { Logger } from '@nestjs/common';
import { isMainModule } from '@cs/observability';
import { createGatewayApp } from './gateway.app.js';
import { optionsFromEnv } from './gateway.options.js';

export { createGatewayApp, type GatewayOptions } from './gateway.app.js';

export async function bootstrap(): Promise<void> {
  const { port, host, ...options } = optionsFromEnv();
  const app = await createGatewayApp(options);
  app.enableShutdownHooks();
  await app.listen(port, host);
  new Logger('Gateway').log(`listening on ${host}:${port}, NATS ${options.natsUrl}, subject prefix '${options.subjectPrefix}'`);
}

if (isMainModule(import.meta.url)) {
  bootstrap().catch((error) => {
    console.error(JSON.stringify({ level: 'fatal', service: 'gateway', msg: 'gateway failed to start', err: String(error) }));
    process.exit(1);
  });
}
