import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { OrgDirectory } from '@cs/org';
import { AfterSalesPolicyController } from './after-sales/after-sales-policy.controller.js';
import { AfterSalesController } from './after-sales/after-sales.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { ComplaintsController } from './complaints/complaints.controller.js';
import { ConfigController } from './config/config.controller.js';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options.js';
import { GIFTS_CONTROLLERS } from './gifts/index.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ResponseHeadersInterceptor } from './http/response-headers.interceptor.js';
import { GatewayValidationPipe } from './http/validation.js';
import { MembersController } from './members/members.controller.js';
import { HealthController } from './ops/health.controller.js';
import { PINO_LOGGER } from '@cs/observability';
import { HttpMetrics, MetricsController } from './ops/metrics.js';
import { GatewayRpc, NATS_CONNECTION } from './rpc/gateway-rpc.js';

@Module({})
export class GatewayModule {
  static forRoot(deps: { options: GatewayOptions; nc: NatsConnection; logger: Logger; metrics: HttpMetrics }): DynamicModule {
    return {
      module: GatewayModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController, MembersController, ComplaintsController, ConfigController, AfterSalesController, AfterSalesPolicyController, ...GIFTS_CONTROLLERS],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: deps.options },
        { provide: NATS_CONNECTION, useValue: deps.nc },
        { provide: PINO_LOGGER, useValue: deps.logger },
        { provide: HttpMetrics, useValue: deps.metrics },
        { provide: OrgDirectory, useValue: OrgDirectory.fromEnv() },
        GatewayRpc,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: GatewayValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ResponseHeadersInterceptor },
      ],
    };
  }
}
