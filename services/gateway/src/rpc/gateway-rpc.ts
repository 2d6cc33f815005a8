import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { RpcClient, RpcError } from '@cs/messaging';
import { shutdownTracing } from '@cs/observability';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import type { CallContext, CommandContext } from '../http/request-context.js';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** The gateway's only way to the services: Core NATS request/reply with the caller's context. */
@Injectable()
export class GatewayRpc implements OnModuleDestroy {
  private readonly client: RpcClient;

  constructor(
    @Inject(NATS_CONNECTION) readonly nc: NatsConnection,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {
    this.client = new RpcClient(nc, { subjectPrefix: options.subjectPrefix ?? '', timeoutMs: options.rpcTimeoutMs ?? 5000 });
  }

  call<T = unknown>(subject: string, payload: unknown, context: CallContext | CommandContext, timeoutMs?: number): Promise<T> {
    const { actor, correlationId, trace } = context;
    const { expectedVersion, idempotencyKey } = context as CommandContext;
    return this.client.call<T>(subject, payload, { actor, correlationId, expectedVersion, idempotencyKey, timeoutMs, trace }).catch((error: unknown) => {
      // e.g. a reply that is not JSON: a bug in the service (500), not something to retry
      if (error instanceof RpcError) throw error;
      throw new RpcError('internal', 'BAD_SERVICE_REPLY', `Unreadable reply from ${subject}`);
    });
  }

  /** Readiness: the connection is open and the server answers a round trip. */
  async natsAlive(timeoutMs: number): Promise<void> {
    if (this.nc.isClosed()) throw new Error('NATS connection closed');
    await Promise.race([
      this.nc.flush(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('NATS flush timed out')), timeoutMs).unref()),
    ]);
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
    await shutdownTracing();
  }
}
