import { Controller, Get, HttpException, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { DEFAULT_READINESS_SERVICES, GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { GatewayRpc } from '../rpc/gateway-rpc.js';

const HEALTH_ACTOR = { id: 'gateway-health', role: 'admin' };

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready only when NATS and every configured service answer `<svc>.rpc.Ping` in time. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const timeout = this.options.readinessTimeoutMs ?? 1000;
    const services = this.options.readinessServices ?? DEFAULT_READINESS_SERVICES;
    const checks = [
      () => this.indicators.check('nats').attempt(() => this.rpc.natsAlive(timeout)).withTimeout(timeout),
      ...services.map(
        (svc) => () =>
          this.indicators
            .check(svc)
            .attempt(async () => {
              await this.rpc.call(`${svc}.rpc.Ping`, {}, { actor: HEALTH_ACTOR, correlationId: `ready-${Date.now()}` }, timeout);
            })
            .withTimeout(timeout + 100),
      ),
    ];
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      reply.status(503);
      return error.getResponse();
    }
  }
}
