// Valid examples and hostile variants generated from the OpenAPI document's inline schemas.

const MOBILE = /^\^1\\d\{10\}\$$/;

/** A value that satisfies `schema` as far as the schema says (enums, formats, lengths, required). */
export function example(schema = {}, name = '') {
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf || schema.anyOf) return example((schema.oneOf ?? schema.anyOf)[0], name);
  switch (schema.type) {
    case 'object': {
      const out = {};
      for (const key of schema.required ?? []) out[key] = example(schema.properties?.[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => example(schema.items, name));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date-time') return '2026-06-01T09:30:00+08:00';
      if (schema.format === 'date' || /date$/i.test(name)) return '1990-04-02';
      if (schema.pattern && MOBILE.test(schema.pattern)) return '13900000000';
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-06-01';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** Every property path of an object schema (nested objects included), with its schema. */
export function fields(schema, path = []) {
  if (!schema || schema.type !== 'object' || !schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, s]) => [{ path: [...path, key], schema: s, required: (schema.required ?? []).includes(key) }, ...fields(s, [...path, key])]);
}

export function setAt(obj, path, value) {
  const copy = structuredClone(obj);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  node[path[path.length - 1]] = value;
  return copy;
}

export function deleteAt(obj, path) {
  const copy = structuredClone(obj);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node?.[key] === undefined) return copy;
    node = node[key];
  }
  if (node) delete node[path[path.length - 1]];
  return copy;
}

/** Values of every JSON type but the one the schema wants. */
export function wrongTypes(schema = {}) {
  const all = { string: 'text', integer: 12, number: 1.5, boolean: true, object: { a: 1 }, array: ['a'], null: null };
  const own = schema.type ?? (schema.enum ? typeof schema.enum[0] : undefined);
  const keep = own === 'integer' ? ['integer'] : own === 'number' ? ['number', 'integer'] : [own];
  return Object.entries(all).filter(([t]) => !keep.includes(t)).map(([, v]) => v);
}

export const ODD_TEXT = {
  loneHigh: '\\ud800',
  loneLow: 'a\\udc00b',
  rtl: '\u202egnirts\u202c',
  zeroWidth: 'a\u200b\u200c\u200d\ufeffb',
  nul: 'a\\u0000b',
  emoji: '😀👨‍👩‍👧‍👦🏳️‍🌈',
  combining: 'e\u0301\u0301\u0301\u0301',
  controls: '\\u0007\\u001b[31m\\u0008',
  bigPlane: '\u{10FFFF}\u{E0001}',
};

export const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE es_events; --',
  "1; select pg_sleep(5)--",
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'a\r\nX-Injected: 1',
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '%00%0d%0a',
  '{{7*7}}',
];

export const NOSQL_OBJECTS = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(100)' }];

export const BAD_INSTANTS = [
  '2026-06-01T09:30:00',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:60Z',
  '2026-13-01T00:00:00Z',
  '2026-06-01',
  '1e308',
  '',
  'now',
];

export const BAD_DATES = ['2026-02-30', '0000-00-00', '2026-13-01', '20260601', '2026-6-1', '99999-01-01', '2026-06-01T00:00:00Z', ''];

export const BAD_IDS = [
  'x'.repeat(300),
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  encodeURIComponent('会员'),
  encodeURIComponent('😀'),
  '%00',
  '%0d%0aX-Injected:%201',
  encodeURIComponent("' OR 1=1 --"),
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  encodeURIComponent('\u202e'),
];

export const BAD_CURSORS = [
  'garbage',
  Buffer.from('{"k":"\'; drop table x; --","id":"a"}').toString('base64url'),
  Buffer.from('{"__proto__":{"admin":true}}').toString('base64url'),
  Buffer.from('[1,2,3]').toString('base64url'),
  Buffer.from('null').toString('base64url'),
  '%ED%A0%80',
  'x'.repeat(5000),
  '-1',
];
