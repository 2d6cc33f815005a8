import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import type { Clock } from '@cs/eventstore';
import type { ServiceConfig } from '@cs/nest-common';
import { SERVICES, serviceDefinition, type ServiceMain } from '@cs/platform';
import { deleteStreams, dropDatabase, isolatedServiceConfig, uniqueId } from '@cs/testing';
import { createGatewayApp } from '../../../services/gateway/src/gateway.app.js';

const SECRET = 'e2e-secret';

export interface Claims {
  sub: string;
  role: string;
  storeId?: string;
  regionIds?: string[];
  name?: string;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** A registered service as the platform runs it: its factory module, its isolated config, its app while up. */
interface RunningService {
  main: ServiceMain<ServiceConfig, INestApplicationContext>;
  config: ServiceConfig;
  app?: INestApplicationContext;
}

/**
 * The whole platform in one process, isolated from anything else on the servers: its own
 * databases, subject and stream prefixes. Every service in the registry (@cs/platform) starts in
 * its order from its `createService`; requests go through the gateway's real HTTP stack.
 */
export class Platform {
  private readonly services = new Map<string, RunningService>();
  gateway!: NestFastifyApplication;
  readonly prefix = `${uniqueId('e')}.`;
  readonly secret = SECRET;

  async start(gateway: { rateLimitPerMinute?: number } = {}): Promise<this> {
    for (const service of SERVICES) {
      const main = (await import(`../../../${service.dir}/src/main.js`)) as RunningService['main'];
      const config = { ...main.configFromEnv({}), ...isolatedServiceConfig(service.name, this.prefix) };
      this.services.set(service.name, { main, config });
      await this.startService(service.name);
    }
    this.gateway = await createGatewayApp({
      natsUrl: this.membersConfig.natsUrl,
      jwtSecret: SECRET,
      subjectPrefix: this.prefix,
      logger: false,
      ...gateway,
    });
    return this;
  }

  /** The isolated configuration a service runs with (its database URL, prefixes). */
  config(name: string): ServiceConfig {
    const running = this.services.get(serviceDefinition(name).name);
    if (!running) throw new Error(`${name} has not been started`);
    return running.config;
  }

  get membersConfig(): ServiceConfig {
    return this.config('members');
  }

  get complaintsConfig(): ServiceConfig {
    return this.config('complaints');
  }

  /** Stops one service alone (a crash or a deploy), keeping its database. */
  async stopService(name: string): Promise<void> {
    const running = this.services.get(name);
    await running?.app?.close();
    if (running) running.app = undefined;
  }

  /** Starts one service; `clock` lets a test restart it at another instant (its own time only). */
  async startService(name: string, options: { clock?: Clock } = {}): Promise<void> {
    const running = this.services.get(name);
    if (!running) throw new Error(`${name} is not a service of this platform`);
    if (!running.app) running.app = await running.main.createService({ config: running.config, logging: false, ...options });
  }

  async stopComplaints(): Promise<void> {
    await this.stopService('complaints');
  }

  async startComplaints(): Promise<void> {
    await this.startService('complaints');
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    const started = [...this.services.keys()].reverse();
    for (const name of started) await this.stopService(name);
    for (const name of started) await dropDatabase(this.config(name).databaseUrl);
    if (started.length) await deleteStreams(this.config(started[0]).streamPrefix);
  }

  token(claims: Claims): string {
    return jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: '1h' });
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    as: Claims | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> {
    const res = await this.gateway.inject({
      method,
      url,
      headers: {
        ...(as ? { authorization: `Bearer ${this.token(as)}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.statusCode, headers: res.headers as HttpResult["headers"], body: parsed };
  }
}
