// Steady load through the gateway's HTTP API: N clients register members, approve them, file
// complaints and act on them. Every command carries an Idempotency-Key and is retried with the
// same key on 5xx, timeouts and refused connections; every acknowledged command is journaled.
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { JWT_SECRET, sleep } from './cluster.mjs';

const sign = (claims) => `Bearer ${jwt.sign(claims, JWT_SECRET, { algorithm: 'HS256', expiresIn: '2h' })}`;

export class Load {
  /**
   * `thinkMs`: each client's pause between commands. The load must stay below what the slowest
   * pipeline sustains on the machine (complaints' member directory applies one members event per
   * transaction): above it the backlog grows with or without faults and catch-up measures the
   * overload, not the fault. The baseline row of the report shows the steady-state lag.
   */
  constructor(base, { clients = 8, thinkMs = 100 } = {}) {
    this.thinkMs = thinkMs;
    this.base = base;
    this.clients = clients;
    /** Acknowledged commands: { key, service, kind, id, version, at }. */
    this.journal = [];
    this.running = false;
    this.window = null;
    this.mobileSeq = 0;
    this.counts = { acked: 0, retries: 0, refused4xx: 0, networkErrors: 0 };
  }

  /** 5xx answers and network errors are counted in the current window (one per fault). */
  openWindow(name) {
    this.window = { name, byStatus: {}, notProblemJson: 0, networkErrors: 0 };
    return this.window;
  }

  start() {
    this.running = true;
    this.workers = Array.from({ length: this.clients }, (_, i) => this.client(i));
  }

  async stop() {
    this.running = false;
    await Promise.all(this.workers ?? []);
  }

  async client(i) {
    const staff = sign({ sub: `faults-staff-${i}`, role: 'store_staff', storeId: 'S001', name: `Staff ${i}` });
    const agent = sign({ sub: `faults-agent-${i}`, role: 'hq_cs_agent', regionIds: ['R1', 'R2', 'R3'] });
    const pendingMembers = [];
    const complaints = []; // { id, step }
    while (this.running) {
      await sleep(this.thinkMs * (0.5 + Math.random()));
      const roll = Math.random();
      if (roll < 0.3 || (roll < 0.55 && !pendingMembers.length)) {
        const mobile = `139${String(process.pid % 100).padStart(2, '0')}${String(++this.mobileSeq).padStart(6, '0')}`;
        const reply = await this.command('members', 'member.submitted', staff, 'POST', '/v1/members', {
          storeId: 'S001',
          name: `Fault Load ${i}`,
          mobile,
          gender: 'female',
          birthDate: '1990-01-01',
          postalAddress: 'Nanjing Road 1, Shanghai',
        });
        if (reply) pendingMembers.push(reply.id);
      } else if (roll < 0.55) {
        const id = pendingMembers.shift();
        await this.command('members', 'member.approved', agent, 'POST', `/v1/members/${id}/review`, { decision: 'approve' });
      } else if (roll < 0.8 || !complaints.length) {
        const reply = await this.command('complaints', 'complaint.filed', agent, 'POST', '/v1/complaints', {
          channel: 'phone',
          source: 'hq',
          storeId: 'S001',
          customer: { name: 'Fault Load', mobile: '13800000000' },
          description: `fault load ${i}`,
        });
        if (reply) complaints.push({ id: reply.id, step: 0 });
      } else {
        const complaint = complaints[0];
        const [kind, path, body] =
          complaint.step === 0
            ? ['complaint.classified', 'classify', { category: 'PRODUCT_QUALITY', severity: 'P3' }]
            : ['complaint.assigned', 'assign', { assigneeId: `faults-agent-${i}`, assigneeName: 'Agent' }];
        await this.command('complaints', kind, agent, 'POST', `/v1/complaints/${complaint.id}/${path}`, body);
        if (++complaint.step >= 2) complaints.shift();
      }
    }
  }

  /**
   * `n` member registrations at once (16 in flight), acknowledged and journaled like the rest: a
   * backlog of members events, so a consumer killed right after has messages pulled and not yet
   * acknowledged (with a light load it rarely has any).
   */
  async burst(n, concurrency = 16) {
    const staff = sign({ sub: 'faults-burst', role: 'store_staff', storeId: 'S001', name: 'Burst' });
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < n) {
          const mobile = `137${String(process.pid % 100).padStart(2, '0')}${String(++this.mobileSeq).padStart(6, '0')}`;
          const body = { storeId: 'S001', name: 'Burst', mobile, gender: 'male', birthDate: '1985-02-03', postalAddress: 'Huaihai Road 2, Shanghai' };
          await this.command('members', 'member.submitted', staff, 'POST', '/v1/members', body);
        }
      }),
    );
  }

  /**
   * One command until it is acknowledged (2xx) or refused (4xx). After the load is stopped a
   * command in flight still gets 30 s of retries: an acknowledgement is what the journal checks.
   */
  async command(service, kind, authorization, method, path, body) {
    const key = randomUUID();
    let stoppedAt = null;
    for (let attempt = 0; ; attempt++) {
      if (!this.running) stoppedAt ??= Date.now();
      if (stoppedAt && Date.now() - stoppedAt > 30_000) return null;
      if (attempt) this.counts.retries++;
      let res;
      let text;
      try {
        res = await fetch(`${this.base}${path}`, {
          method,
          headers: { authorization, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        text = await res.text();
      } catch {
        this.counts.networkErrors++;
        if (this.window) this.window.networkErrors++;
        await sleep(200 + Math.random() * 300);
        continue;
      }
      if (res.status >= 500) {
        if (this.window) {
          this.window.byStatus[res.status] = (this.window.byStatus[res.status] ?? 0) + 1;
          if (!(res.headers.get('content-type') ?? '').includes('application/problem+json')) this.window.notProblemJson++;
        }
        const retryAfter = Number(res.headers.get('retry-after'));
        await sleep(Math.min(2000, retryAfter > 0 ? retryAfter * 250 : 300) + Math.random() * 200);
        continue;
      }
      if (res.status === 429) {
        await sleep(500);
        continue;
      }
      if (res.status >= 400) {
        this.counts.refused4xx++;
        // A retry under the same key must get the first attempt's answer, never a refusal the
        // first attempt's own effect caused (e.g. "mobile already registered" by itself).
        if (attempt > 0 && this.window) (this.window.retryRefused ??= []).push(`${method} ${path} ${res.status} ${text.slice(0, 200)}`);
        if (this.counts.refused4xx <= 5) console.error(`[faults] ${method} ${path} refused ${res.status}: ${text.slice(0, 300)}`);
        return null;
      }
      const reply = JSON.parse(text);
      this.journal.push({ key, service, kind, id: reply.id, version: reply.version, at: Date.now() });
      this.counts.acked++;
      return reply;
    }
  }
}
