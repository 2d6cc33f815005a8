import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '@cs/messaging';
import { coerceQuery } from '../openapi/schema-from-dto.js';
import { ProblemException } from './problem.js';

/** Every offending field with its messages, nested ones as `customer.mobile`, `items.0.sku`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationProblem(errors: ValidationError[]): ProblemException {
  const problems = flattenValidationErrors(errors);
  const fields = [...new Set(problems.map((p) => p.field))];
  return ProblemException.badRequest('VALIDATION_FAILED', `Invalid input: ${fields.join(', ')}`, problems);
}

/**
 * The global pipe: whitelist + forbid unknown properties + transform, problem+json errors.
 * Bodies must be JSON objects; query strings are coerced to the DTO's declared types first
 * (no implicit conversion on bodies, where "12" must stay a wrong type).
 */
export class GatewayValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationProblem });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const cls = metadata.metatype as (new () => object) | undefined;
    const isClass = typeof cls === 'function' && ![String, Number, Boolean, Object, Array].includes(cls as never);
    if (metadata.type === 'body' && isClass && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw ProblemException.badRequest('INVALID_BODY', 'The body must be a JSON object', [
        { field: '(body)', message: 'must be a JSON object' },
      ]);
    }
    if (metadata.type === 'query' && isClass && value && typeof value === 'object') {
      value = coerceQuery(cls, value as Record<string, unknown>);
    }
    return super.transform(value, metadata);
  }
}
