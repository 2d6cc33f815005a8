import { Controller, Get, Header, HttpException, Inject, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { ServiceHost } from '../service-host.js';

/**
 * Probes and metrics of a service process, for Kubernetes and Prometheus: live while the process
 * runs; ready while its database and NATS answer.
 */
@Controller()
export class OperationsController {
  constructor(
    @Inject(ServiceHost) private readonly host: ServiceHost,
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const check = async (key: string, probe: () => Promise<unknown>) => {
      const indicator = this.indicators.check(key);
      try {
        await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
        return indicator.up();
      } catch (error) {
        return indicator.down({ message: error instanceof Error ? error.message : String(error) });
      }
    };
    try {
      return await this.health.check([
        () => check('postgres', () => this.host.pool.query('select 1')),
        () => check('nats', async () => {
          if (this.host.nc.isClosed()) throw new Error('closed');
          await this.host.nc.flush();
        }),
      ]);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      reply.status(503);
      return error.getResponse();
    }
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('Content-Type', this.host.metrics.registry.contentType);
    return this.host.metrics.registry.metrics();
  }
}
