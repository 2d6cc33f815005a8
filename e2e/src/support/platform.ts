import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import { deleteStreams, dropDatabase, isolatedServiceConfig, uniqueId } from '@cs/testing';
import { createMembersService } from '../../../services/members/src/main.js';
import { membersConfigFromEnv } from '../../../services/members/src/config/members.config.js';
import { createComplaintsService } from '../../../services/complaints/src/main.js';
import { complaintsConfigFromEnv } from '../../../services/complaints/src/config/complaints.config.js';
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

/**
 * The whole platform in one process, isolated from anything else on the servers: its own
 * databases, subject and stream prefixes. Requests go through the gateway's real HTTP stack.
 */
export class Platform {
  private members!: INestApplicationContext;
  private complaints!: INestApplicationContext;
  gateway!: NestFastifyApplication;
  readonly prefix = `${uniqueId('e')}.`;
  readonly secret = SECRET;
  readonly membersConfig = { ...membersConfigFromEnv({}), ...isolatedServiceConfig('members', this.prefix) };
  readonly complaintsConfig = { ...complaintsConfigFromEnv({}), ...isolatedServiceConfig('complaints', this.prefix) };

  async start(gateway: { rateLimitPerMinute?: number } = {}): Promise<this> {
    this.members = await createMembersService({ config: this.membersConfig, logging: false });
    this.complaints = await createComplaintsService({ config: this.complaintsConfig, logging: false });
    this.gateway = await createGatewayApp({
      natsUrl: this.membersConfig.natsUrl,
      jwtSecret: SECRET,
      subjectPrefix: this.prefix,
      logger: false,
      ...gateway,
    });
    return this;
  }

  /** Stops the complaints service alone (a crash or a deploy), keeping its database. */
  async stopComplaints(): Promise<void> {
    await this.complaints.close();
  }

  async startComplaints(): Promise<void> {
    this.complaints = await createComplaintsService({ config: this.complaintsConfig, logging: false });
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    await this.complaints?.close();
    await this.members?.close();
    await dropDatabase(this.membersConfig.databaseUrl);
    await dropDatabase(this.complaintsConfig.databaseUrl);
    await deleteStreams(this.membersConfig.streamPrefix);
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
