import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options.js';
import { ProblemException } from '../http/problem.js';
import { actorOf, setActor } from '../http/request-context.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { actorFromAuthorization } from './jwt-actor.js';
import type { Role } from '@cs/org';

/** Global guard: a valid HS256 bearer token everywhere but @Public routes, then @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // the rate limiter may have verified the token already for this request
    const actor = actorOf(request) ?? actorFromAuthorization(request.headers.authorization, this.options.jwtSecret);
    setActor(request, actor);
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role as Role)) {
      throw new ProblemException(403, 'FORBIDDEN_ROLE', `The role ${actor.role} may not do this`);
    }
    return true;
  }
}
