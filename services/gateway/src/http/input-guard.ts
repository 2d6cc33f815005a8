import type { FieldProblem } from '@cs/messaging';
import { ProblemException } from './problem.js';

/** Keys that name an object's prototype machinery: refused wherever they appear, like any unknown key. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Also `__proto__[admin]` and `a.constructor`: bracket and dot paths that query parsers expand. */
const PROTOTYPE_PATH = /(?:^|[[.])(?:__proto__|constructor|prototype)(?:$|[\].[])/;
const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key) || PROTOTYPE_PATH.test(key);

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

const MAX_PROBLEMS = 20;

/**
 * Every place in a parsed body or query where a key is a prototype key or a text (key or value)
 * is not well-formed UTF-16. Validators (e.g. `@IsEmail`, which URI-decodes) throw on lone
 * surrogates, and class-transformer silently drops prototype keys: both are refused here first.
 */
export function hostileInputProblems(value: unknown, path = '', out: FieldProblem[] = []): FieldProblem[] {
  if (out.length >= MAX_PROBLEMS) return out;
  const field = path || '(body)';
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) out.push({ field, message: 'must be well-formed Unicode text (it has a lone surrogate)' });
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (!isWellFormedText(key)) out.push({ field: childPath, message: 'property name must be well-formed Unicode text' });
    else if (isPrototypeKey(key)) out.push({ field: childPath, message: `property ${key} should not exist` });
    else hostileInputProblems(child, childPath, out);
    if (out.length >= MAX_PROBLEMS) break;
  }
  return out;
}

/** Throws 400 VALIDATION_FAILED naming the offending fields of the query and the body, if any. */
export function assertNoHostileInput(query: unknown, body: unknown): void {
  const problems = [...hostileInputProblems(query), ...hostileInputProblems(body)];
  if (!problems.length) return;
  const fields = [...new Set(problems.map((p) => p.field))];
  throw ProblemException.badRequest('VALIDATION_FAILED', `Invalid input: ${fields.join(', ')}`, problems);
}
