// Hostile input generated from the OpenAPI document, for every operation.
import { BAD_CURSORS, BAD_DATES, BAD_IDS, BAD_INSTANTS, INJECTIONS, NOSQL_OBJECTS, ODD_TEXT, deleteAt, fields, setAt, wrongTypes } from './schema.mjs';

const MARK = '@@RAW@@';
const rawJson = (body, path, rawStringContent) => JSON.stringify(setAt(body, path, MARK)).replace(`"${MARK}"`, `"${rawStringContent}"`);
const is4xx = (res) => (res.status >= 400 && res.status < 500 ? undefined : `answered ${res.status}, expected a 4xx refusal`);
const status = (...allowed) => (res) => (allowed.includes(res.status) ? undefined : `answered ${res.status}, expected ${allowed.join(' or ')}`);
/** Malformed beyond doubt (no offset, a day or month that does not exist, not a date at all); year 0 and far years are only probed. */
const MALFORMED_DATE = /^$|T\d\d:\d\d:\d\d$|-02-30|-13-|-00-|^now$|^1e308$|^\d{8}$|^\d{4}-\d-\d$/;
const malformed = (value, instant) => MALFORMED_DATE.test(value) || (instant ? /^\d{4}-\d{2}-\d{2}$/.test(value) : value.includes('T'));
const hasParent = (obj, path) => path.slice(0, -1).every((_, i, parents) => {
  const node = parents.slice(0, i + 1).reduce((n, k) => n?.[k], obj);
  return node !== null && typeof node === 'object';
});
const isString = (s) => s?.type === 'string' || (!s?.type && !s?.enum && !s?.properties);
const isDateLike = (f) => f.schema?.format === 'date-time' || f.schema?.format === 'date' || /(At|Date|date|From|To)$/.test(f.path[f.path.length - 1]);

/** Keeps at most `n` items of a list in short mode, spread over it. */
const sample = (list, n, short) => (short && list.length > n ? list.filter((_, i) => i % Math.ceil(list.length / n) === 0) : list);

export async function fuzzOperations(probe, ops, { actor, short }) {
  for (const o of ops) {
    const send = (category, extra) => probe.send(category, { method: o.method, path: o.filled, as: actor, label: `${o.method} ${o.path}`, ...extra });
    if (o.schema) {
      const base = o.body ?? {};
      const all = fields(o.schema);
      const strings = sample(all.filter((f) => isString(f.schema) && !f.schema?.enum), 3, short);
      for (const f of sample(all, 4, short)) {
        // null stands for "absent" in an optional field
        const values = wrongTypes(f.schema).filter((v) => v !== null || f.required);
        for (const v of sample(values, 2, short)) await send('wrong-types', { body: setAt(base, f.path, v), expect: is4xx });
      }
      // a required field of an optional object that the example leaves out is not missing
      for (const f of all.filter((x) => x.required && hasParent(base, x.path))) await send('missing-required', { body: deleteAt(base, f.path), expect: is4xx });
      for (const f of sample(strings, 2, short)) {
        await send('huge-strings', { body: setAt(base, f.path, 'x'.repeat(1024 * 1024)), expect: status(413) });
        await send('huge-strings', { body: setAt(base, f.path, '界'.repeat(20_000)) });
      }
      for (const f of strings) {
        for (const [name, raw] of Object.entries(ODD_TEXT)) {
          if (short && !['loneHigh', 'nul', 'rtl'].includes(name)) continue;
          const lone = name.startsWith('lone');
          await send('odd-unicode', { body: rawJson(base, f.path, raw), expect: lone ? status(400) : undefined, label: `${o.method} ${o.path} ${f.path.join('.')}=${name}` });
        }
        for (const inj of sample(INJECTIONS, 3, short)) await send('injection', { body: setAt(base, f.path, inj) });
        for (const obj of sample(NOSQL_OBJECTS, 1, short)) await send('injection', { body: setAt(base, f.path, obj), expect: is4xx });
      }
      const objects = [[], ...all.filter((f) => f.schema?.type === 'object').map((f) => f.path)];
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        for (const at of sample(objects, 2, short)) {
          const raw = JSON.stringify(at.length ? setAt(base, at, { [MARK]: 1 }) : { ...base, [MARK]: 1 }).replace(`"${MARK}"`, `"${key}"`);
          await send('prototype-keys', { body: raw.replace(`"${key}":1`, `"${key}":{"role":"admin","isAdmin":true}`), expect: status(400), label: `${o.method} ${o.path} ${[...at, key].join('.')}` });
        }
      }
      const target = all.find((f) => f.schema?.type === 'object')?.path ?? ['extra'];
      for (const depth of short ? [5000] : [33, 200, 5000]) {
        const raw = JSON.stringify(setAt(base, target, MARK)).replace(`"${MARK}"`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
        await send('deep-nesting', { body: raw, expect: status(400) });
      }
      await send('deep-nesting', { body: JSON.stringify({ ...base, list: Array.from({ length: 20_000 }, () => 1) }), expect: is4xx });
      for (const f of all.filter(isDateLike)) {
        const instant = f.schema?.format === 'date-time' || /At$/.test(f.path[f.path.length - 1]);
        for (const bad of sample(instant ? BAD_INSTANTS : BAD_DATES, 3, short)) await send('bad-dates', { body: setAt(base, f.path, bad), expect: malformed(bad, instant) ? is4xx : undefined, label: `${o.method} ${o.path} ${f.path.join('.')}=${bad}` });
      }
      await badHeaders(send, base, short);
    }
    if (o.hasId) {
      for (const bad of sample(BAD_IDS, 4, short)) {
        await probe.send('bad-ids', { method: o.method, path: o.path.replace('{id}', bad).replace('{n}', '1'), as: actor, body: o.method === 'GET' ? undefined : o.body ?? {}, label: `${o.method} ${o.path} id=${bad.slice(0, 40)}` });
      }
      if (o.path.includes('{n}')) {
        for (const n of ['0', '-1', '1.5', 'x', '99999999999', '%00']) await probe.send('bad-ids', { method: o.method, path: o.path.replace('{id}', encodeURIComponent(o.filled.split('/')[3])).replace('{n}', n), as: actor, body: o.body ?? {}, expect: is4xx });
      }
    }
    if (o.method === 'GET') await badQueries(probe, o, actor, short);
  }
}

async function badHeaders(send, base, short) {
  const ifMatch = ['garbage', 'W/"abc"', '"1", "2"', 'W/"-1"', '"99999999999999999999"', '*, W/"1"', 'x'.repeat(10_000)];
  for (const v of sample(ifMatch, 2, short)) await send('bad-headers', { body: base, headers: { 'if-match': v }, expect: is4xx });
  const keys = ['k'.repeat(10_000), 'k'.repeat(201), 'key with spaces', '', 'ключ'];
  for (const v of sample(keys, 2, short)) await send('bad-headers', { body: base, headers: { 'idempotency-key': encodeURIComponent(v) === v ? v : Buffer.from(v).toString('latin1') }, expect: is4xx });
  const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', 'application/json, text/plain', 'application/vnd.evil+json'];
  for (const t of sample(types, 2, short)) await send('bad-headers', { body: JSON.stringify(base), headers: { 'content-type': t } });
  const invalid = ['{', '{"a":}', "{'a':1}", '{"a":1,}', 'NaN', '\u0000', '{"a":"\\x"}', '{"a":1}{"b":2}', '\ufeff{}', '[]', 'true', '{"a":01}'];
  for (const b of sample(invalid, 3, short)) await send('bad-headers', { body: b, expect: is4xx, label: `invalid JSON ${JSON.stringify(b)}` });
}

async function badQueries(probe, o, actor, short) {
  const send = (query, extra = {}) => probe.send('bad-query', { path: `${o.filled}?${query}`, as: actor, label: `GET ${o.path}?${query.slice(0, 60)}`, ...extra });
  // time travel where the document declares it (`?asOf=`); history lists have none
  const takesAsOf = (o.op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'asOf');
  if (o.hasId && takesAsOf) {
    for (const bad of sample(BAD_INSTANTS, 3, short)) await probe.send('bad-dates', { path: `${o.filled}?asOf=${encodeURIComponent(bad)}`, as: actor, expect: malformed(bad, true) ? is4xx : undefined, label: `asOf=${bad}` });
  }
  const params = (o.op.parameters ?? []).filter((p) => p.in === 'query');
  for (const p of sample(params, 3, short)) {
    for (const v of sample(['', '-1', '0', '1e9', 'abc', '1.5', '%ED%A0%80', "'%20OR%201=1", 'x'.repeat(3000)], 3, short)) await send(`${p.name}=${v}`);
    await send(`${p.name}=a&${p.name}=b`);
    await send(`${p.name}[$gt]=`);
    if (p.name === 'cursor') for (const c of sample(BAD_CURSORS, 3, short)) await send(`cursor=${encodeURIComponent(c)}`, { expect: is4xx });
    if (/date|from|to|month|period/i.test(p.name)) for (const d of sample(BAD_DATES, 3, short)) await send(`${p.name}=${encodeURIComponent(d)}`);
  }
  for (const key of ['__proto__', 'constructor', 'prototype', '__proto__[admin]']) await send(`${key}=1`, { expect: status(400) });
  await send('unknownParam=1');
}

/** Byte-level requests: headers over 16 KB, CRLF in a header, malformed request lines. */
export async function rawRequests(probe, { token }) {
  const auth = `Authorization: Bearer ${token}\r\n`;
  const requests = {
    'header over 16 KB': `GET /v1/members HTTP/1.1\r\nHost: x\r\n${auth}X-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    'many headers': `GET /v1/members HTTP/1.1\r\nHost: x\r\n${auth}${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('')}\r\n`,
    'CR in a header value': `GET /v1/members HTTP/1.1\r\nHost: x\r\n${auth}X-Correlation-Id: a\rInjected: 1\r\n\r\n`,
    'LF-only line ends': `GET /v1/members HTTP/1.1\nHost: x\n${auth.replace('\r\n', '\n')}\n`,
    'bad request line': `GARBAGE\r\n\r\n`,
    'bad method': `G@T /v1/members HTTP/1.1\r\nHost: x\r\n\r\n`,
    'two content-lengths': `POST /v1/members HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
    'content-length and chunked': `POST /v1/members HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    'bad chunk size': `POST /v1/members HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
    'HTTP/0.9': `GET /v1/members\r\n\r\n`,
    'NUL in the path': `GET /v1/mem\u0000bers HTTP/1.1\r\nHost: x\r\n\r\n`,
    'absolute URI elsewhere': `GET http://169.254.169.254/latest HTTP/1.1\r\nHost: x\r\n\r\n`,
    'no Host': `GET /v1/members HTTP/1.1\r\n${auth}\r\n`,
  };
  for (const [label, bytes] of Object.entries(requests)) await probe.raw('raw-http', bytes, { label });
}
