import { applyDecorators, HttpCode, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

const CREATED_AT_KEY = 'gateway:created-at';

/** The route creates an aggregate: 201 with `Location: <base>/<id>`. */
export const CreatedAt = (base: string) => applyDecorators(HttpCode(201), SetMetadata(CREATED_AT_KEY, base));

/** An action on an existing aggregate: 200. */
export const Action = () => HttpCode(200);

export const etag = (version: number): string => `W/"${version}"`;

/** `ETag` from the reply's `version` (command replies and single views), `Location` for creations. */
@Injectable()
export class ResponseHeadersInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const base = this.reflector.get<string | undefined>(CREATED_AT_KEY, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((data) => {
        if (data && typeof data === 'object' && !Array.isArray(data)) {
          const { id, version } = data as { id?: unknown; version?: unknown };
          if (Number.isSafeInteger(version)) reply.header('ETag', etag(version as number));
          if (base && (typeof id === 'string' || typeof id === 'number')) reply.header('Location', `${base}/${encodeURIComponent(String(id))}`);
        }
        return data;
      }),
    );
  }
}
