import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { RpcError } from './rpc-error.js';
import type { FieldProblem } from './rpc-protocol.js';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Turns an untrusted payload into a validated instance of `cls`, or throws a `validation`
 * RpcError naming every offending field. Unknown properties are refused.
 */
export async function validatePayload<T extends object>(cls: ClassConstructor<T>, payload: unknown): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new RpcError('validation', 'INVALID_BODY', 'The body must be a JSON object', [
      { field: '(body)', message: 'must be a JSON object' },
    ]);
  }
  if (depthOf(payload) > MAX_DEPTH) {
    throw new RpcError('validation', 'INVALID_BODY', `The body nests deeper than ${MAX_DEPTH} levels`, [
      { field: '(body)', message: `must not nest deeper than ${MAX_DEPTH} levels` },
    ]);
  }
  const nul = fieldsWithNul(payload);
  if (nul.length) {
    throw new RpcError(
      'validation',
      'VALIDATION_FAILED',
      `Invalid input: ${nul.join(', ')}`,
      nul.map((field) => ({ field, message: `${field} must not contain NUL characters` })),
    );
  }
  const instance = plainToInstance(cls, payload, { enableImplicitConversion: false });
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const problems = flatten(errors);
    throw new RpcError(
      'validation',
      'VALIDATION_FAILED',
      `Invalid input: ${problems.map((p) => p.field).join(', ')}`,
      problems,
    );
  }
  return instance;
}

/** Paths of string values holding U+0000, which Postgres text and jsonb cannot store. */
function fieldsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldsWithNul(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...(k.includes('\u0000') ? [path ? `${path}.${k}` : k] : []), ...fieldsWithNul(v, path ? `${path}.${k}` : k)]);
  }
  return [];
}

const MAX_DEPTH = 32;

/** Nesting depth, stopping early past the limit (deep input would overflow recursive validators). */
function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, depth + 1));
    if (deepest > MAX_DEPTH) break;
  }
  return deepest;
}
