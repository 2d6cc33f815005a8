import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { schemaFromDto } from './schema-from-dto.js';

type Ctor = new (...args: never[]) => object;

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
  },
};

const problems = (statuses: number[]) =>
  statuses.map((status) => ApiResponse({ status, description: 'application/problem+json', content: { 'application/problem+json': { schema: problemSchema } } }));

const COMMON = [400, 401, 403, 404, 503, 504];

const commandReply = {
  type: 'object',
  required: ['id', 'version'],
  properties: { id: { type: 'string' }, version: { type: 'integer' } },
  additionalProperties: true,
};

/** A command: JSON body described from the DTO's validators, concurrency headers, reply with ETag. */
export function ApiCommand(body: Ctor | undefined, status: 200 | 201) {
  return applyDecorators(
    ...(body ? [ApiBody({ required: true, schema: schemaFromDto(body) as never })] : []),
    ApiHeader({ name: 'If-Match', required: false, description: 'W/"<version>": refuse with 412 unless the aggregate is at this version' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: '1..200 characters; a retry with the same key and body returns the first result' }),
    ApiResponse({
      status,
      description: status === 201 ? 'Created; Location and ETag headers set' : 'Done; ETag header set',
      schema: commandReply,
    }),
    ...problems([...COMMON, 409, 412, 422]),
  );
}

/** Query parameters described from the query DTO's validators. */
export function ApiQueryFromDto(query: Ctor) {
  const schema = schemaFromDto(query);
  const required = new Set(schema.required ?? []);
  return applyDecorators(
    ...Object.entries(schema.properties ?? {}).map(([name, s]) => ApiQuery({ name, required: required.has(name), schema: s as never })),
  );
}

/** A list: `{ items, nextCursor }`. */
export function ApiList(query: Ctor) {
  return applyDecorators(
    ApiQueryFromDto(query),
    ApiResponse({
      status: 200,
      schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: 'string', nullable: true } } },
    }),
    ...problems(COMMON),
  );
}

/** One aggregate, optionally as it was at `asOf`. */
export function ApiGetOne() {
  return applyDecorators(
    ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date-time' } }),
    ApiResponse({ status: 200, description: 'The view with its version; ETag header set', schema: { type: 'object', additionalProperties: true } }),
    ...problems(COMMON),
  );
}

/** The aggregate's events with actor and time. */
export function ApiHistory() {
  return applyDecorators(
    ApiResponse({
      status: 200,
      schema: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: { version: { type: 'integer' }, type: { type: 'string' }, at: { type: 'string', format: 'date-time' }, actor: { type: 'object' }, data: { type: 'object' } },
            },
          },
        },
      },
    }),
    ...problems(COMMON),
  );
}
