// The suite's HTTP client: real sockets to the listening gateway, one record per request, the
// universal checks (no 5xx; every error a problem+json with type/title/status/code; no
// disclosure of an out-of-scope secret the request did not itself carry), reproducers.
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

const MAX_SHOWN_BODY = 600;

export class Probe {
  constructor({ port, sign }) {
    this.port = port;
    this.sign = sign;
    this.agent = new Agent({ keepAlive: true, maxSockets: 16 });
    this.sent = {};
    this.failures = [];
  }

  count(category) {
    this.sent[category] = (this.sent[category] ?? 0) + 1;
  }

  /**
   * Sends one request. `as`: claims (signed with the suite's secret), a raw Authorization value
   * (string), or null. `body`: an object (JSON-encoded), a string or Buffer (sent as is).
   * `secrets`: strings that must not appear in the answer unless the request carried them.
   * `expect(res)`: an extra check returning a failure text or nothing.
   */
  async send(category, { method = 'GET', path, as = null, body, headers = {}, secrets = [], expect, label }) {
    this.count(category);
    const authorization = as === null ? undefined : typeof as === 'string' ? as : `Bearer ${this.sign(as)}`;
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const allHeaders = {
      ...(authorization ? { authorization } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    };
    const req = { method, path, headers: allHeaders, body: payload, as, label };
    let res;
    try {
      res = await this.http(method, path, allHeaders, payload);
    } catch (error) {
      res = { status: 0, headers: {}, text: `client error: ${error.message}` };
    }
    this.check(category, req, res, secrets, expect);
    return res;
  }

  http(method, path, headers, payload) {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A request written byte for byte on a fresh socket (CRLF in headers, oversized headers). */
  async raw(category, bytes, { label, secrets = [] } = {}) {
    this.count(category);
    const res = await new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      const chunks = [];
      socket.setTimeout(10_000, () => socket.destroy());
      socket.on('data', (c) => chunks.push(c));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(parseRawResponse(Buffer.concat(chunks).toString('utf8'))));
      socket.end(bytes);
    });
    this.check(category, { method: 'RAW', path: '(socket)', headers: {}, body: bytes, label }, res, secrets);
    return res;
  }

  check(category, req, res, secrets, expect) {
    const fail = (check, detail) => this.failures.push({ category, check, status: res.status, detail, reproducer: reproducer(req, this.port), response: res.text.slice(0, 400) });
    if (res.status === 0) return fail('no-answer', res.text || 'the connection closed without an answer');
    if (res.status >= 500) fail('5xx', `answered ${res.status}`);
    if (res.status >= 400) {
      const type = String(res.headers['content-type'] ?? '');
      const p = res.json;
      if (!type.startsWith('application/problem+json')) fail('not-problem-json', `content-type ${type || '(none)'}`);
      else if (!p || typeof p.type !== 'string' || typeof p.title !== 'string' || p.status !== res.status || typeof p.code !== 'string') {
        fail('not-problem-json', 'problem without type/title/status/code');
      }
    }
    const carried = `${req.path}\n${typeof req.body === 'string' ? req.body : ''}`;
    for (const secret of secrets) {
      if (secret && res.text.includes(secret) && !carried.includes(secret)) fail('disclosure', `the answer contains "${secret}"`);
    }
    const extra = expect?.(res);
    if (extra) fail('expectation', extra);
  }

  close() {
    this.agent.destroy();
  }
}

function parseRawResponse(text) {
  const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
  if (!m) return { status: 0, headers: {}, text: text ? `unparseable answer: ${text.slice(0, 200)}` : '' };
  const headers = {};
  for (const line of m[2].split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let json;
  try {
    json = JSON.parse(m[3]);
  } catch {
    json = undefined;
  }
  return { status: Number(m[1]), headers, text: m[3], json };
}

const shell = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** A curl command (or a description of the raw bytes) that repeats the request against a local gateway. */
export function reproducer(req, port) {
  if (req.method === 'RAW') {
    const text = String(req.body);
    return `printf %s ${shell(text.length > MAX_SHOWN_BODY ? `${text.slice(0, MAX_SHOWN_BODY)}…(${text.length} bytes)` : text)} | nc 127.0.0.1 ${port}`;
  }
  const parts = [`curl -sS -X ${req.method} ${shell(`http://127.0.0.1:${port}${req.path}`)}`];
  for (const [name, value] of Object.entries(req.headers)) {
    const v = String(value);
    parts.push(`-H ${shell(`${name}: ${v.length > 300 ? `${v.slice(0, 300)}…(${v.length} chars)` : v}`)}`);
  }
  if (req.body !== undefined) {
    const b = String(req.body);
    parts.push(`--data-raw ${shell(b.length > MAX_SHOWN_BODY ? `${b.slice(0, MAX_SHOWN_BODY)}…(${b.length} chars in all)` : b)}`);
  }
  const who = req.as && typeof req.as === 'object' ? `  # token claims ${JSON.stringify(req.as)}` : '';
  return parts.join(' ') + who + (req.label ? `  # ${req.label}` : '');
}
