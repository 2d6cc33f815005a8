import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { actorOf } from '../http/request-context.js';

/**
 * A customer files complaints for itself only: its `memberId` is its own id, whatever the body
 * says, and any `customer` contact object is dropped (a customer cannot attach someone else's
 * name and phone), so the body passes validation without them (runs after the guard, before
 * the pipes).
 */
@Injectable()
export class CustomerSelfMemberInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = actorOf(request);
    const body = request.body;
    if (actor?.role === 'customer' && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const fields = body as Record<string, unknown>;
      delete fields.customer;
      fields.memberId = actor.id;
    }
    return next.handle();
  }
}
