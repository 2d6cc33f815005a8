import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PINO_LOGGER } from '@cs/observability';
import { PROBLEM_CONTENT_TYPE, RETRY_AFTER_SECONDS, toProblem } from './problem.js';

/** Every error leaves the gateway as `application/problem+json`; only genuine bugs are 500 and logged. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(PINO_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, unexpected } = toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = String(request.id);
    if (unexpected) {
      const err = exception as Error;
      this.logger.error(
        { correlationId: problem.correlationId, method: request.method, route: request.routeOptions?.url, err: { name: err?.name, message: err?.message, stack: err?.stack } },
        'unexpected error',
      );
    }
    if (reply.sent) return;
    if (problem.status === 401) reply.header('WWW-Authenticate', 'Bearer');
    // A lost database or bus, or a service that is gone: temporary, worth retrying with the same key.
    if (problem.status === 503) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
