// Seed data in store S001 and the cross-store / cross-role access matrix over every operation
// the OpenAPI document lists on an object, plus the known reference disclosures.
import { example } from './schema.mjs';

export const ACTORS = {
  customer: { sub: 'sec-customer-9', role: 'customer' },
  staff_S001: { sub: 'sec-staff-s001', role: 'store_staff', storeId: 'S001', name: 'Sec Staff One' },
  staff_S002: { sub: 'sec-staff-s002', role: 'store_staff', storeId: 'S002' },
  manager_S001: { sub: 'sec-mgr-s001', role: 'store_manager', storeId: 'S001' },
  manager_S002: { sub: 'sec-mgr-s002', role: 'store_manager', storeId: 'S002' },
  agent_R1: { sub: 'sec-agent-r1', role: 'hq_cs_agent', regionIds: ['R1'] },
  agent_R2: { sub: 'sec-agent-r2', role: 'hq_cs_agent', regionIds: ['R2'] },
  hq_manager: { sub: 'sec-hq-mgr', role: 'hq_cs_manager' },
  warehouse: { sub: 'sec-warehouse', role: 'warehouse' },
  technician: { sub: 'sec-tech', role: 'technician' },
  analyst: { sub: 'sec-analyst', role: 'analyst' },
  admin: { sub: 'sec-admin', role: 'admin' },
};

/** Roles that must not see or touch S001's objects: 404 for an object, 403 for a function. */
export const OUT_OF_SCOPE = ['customer', 'staff_S002', 'manager_S002', 'agent_R2', 'warehouse', 'technician'];

const tag = () => String(Date.now() % 1e8).padStart(8, '0');

/** A member of S001 (approved), a pending one, a complaint naming the member, one by contact. */
export async function seed(probe, platform, { eventually }) {
  const t = tag();
  const as = (who) => ACTORS[who];
  const req = (method, path, who, body) => probe.send('setup', { method, path, as: as(who), body });
  const need = (res, what) => {
    if (res.status >= 300) throw new Error(`setup: ${what} answered ${res.status} ${res.text.slice(0, 300)}`);
    return res.json;
  };
  const a = { name: 'Qiao Xueyin', mobile: `139${t}`, email: `qiao.${t}@example.com` };
  const member = need(await req('POST', '/v1/members', 'staff_S001', { storeId: 'S001', name: a.name, mobile: a.mobile, gender: 'female', birthDate: '1990-04-02', email: a.email, postalAddress: '1 Secret Lane' }), 'member application');
  await eventually(async () => need(await req('POST', `/v1/members/${member.id}/review`, 'agent_R1', { decision: 'approve' }), 'approval'));
  const view = need(await req('GET', `/v1/members/${member.id}`, 'staff_S001'), 'member view');
  // the HQ agent of the region serves the member on the phone: the identity check that opens the full profile (R103)
  need(await req('POST', `/v1/members/${member.id}/identity-checks`, 'agent_R1', { method: 'sms_code', passed: true, caseRef: `SEC-CALL-${t}` }), 'identity check');
  const pending = need(await req('POST', '/v1/members', 'staff_S001', { storeId: 'S001', name: 'Lou Pending', mobile: `137${t}`, gender: 'male' }), 'pending application');
  const contact = { name: 'Ding Cuiping', mobile: `136${t}` };
  const byMember = need(await req('POST', '/v1/complaints', 'staff_S001', { channel: 'store_visit', source: 'store', storeId: 'S001', memberId: member.id, description: 'Seam split after one wash', category: 'PRODUCT_QUALITY' }), 'complaint by member');
  const byContact = need(await req('POST', '/v1/complaints', 'staff_S001', { channel: 'phone', source: 'store', storeId: 'S001', customer: contact, description: 'Rude answer at the till', category: 'STAFF_ATTITUDE' }), 'complaint by contact');
  // the complaints service learns the member from members' events: wait until it shows
  await eventually(async () => {
    const c = need(await req('GET', `/v1/complaints/${byMember.id}`, 'staff_S001'), 'complaint view');
    if (!c.member) throw new Error('member not yet known to complaints');
  }, 20_000).catch(() => undefined);
  // and the complaint list (repeat detection reads it)
  await eventually(async () => {
    const list = need(await req('GET', `/v1/complaints?memberId=${encodeURIComponent(member.id)}`, 'staff_S001'), 'complaint list');
    if (!list.items.some((c) => c.id === byMember.id)) throw new Error('complaint not yet listed');
  }, 20_000).catch(() => undefined);
  // S001's after-sales request for the member, and its gift request and stocktake (a soft seed:
  // what cannot be made, e.g. a second open stocktake, is probed with an unknown id instead)
  const soft = async (res) => (res.status < 300 ? res.json : undefined);
  const orderRef = `SEC-${t}`;
  const afterSales = await soft(
    await req('POST', '/v1/after-sales', 'staff_S001', {
      type: 'repair', storeId: 'S001', memberId: member.id, orderRef, receivedAt: new Date().toISOString().slice(0, 10),
      items: [{ sku: 'SEC-JK-01', name: 'Down jacket', quantity: 1, unitPrice: 59900 }], reason: 'quality', description: 'Zip broken', serviceMode: 'carry_in', warranty: 'in',
    }),
  );
  const sku = `SEC-GIFT-${t}`;
  await req('POST', '/v1/gifts', 'hq_manager', { sku, name: 'Security scarf', spec: 'one size', unit: 'piece', unitCost: 1200, minStock: { hq: 0, store: 0 } });
  const giftRequest = await soft(await req('POST', '/v1/gift-requests', 'manager_S001', { storeId: 'S001', purpose: 'promotion', lines: [{ sku, quantity: 2 }] }));
  const stocktake = await soft(await req('POST', '/v1/stocktakes', 'manager_S001', { locationId: 'S001' }));
  return {
    afterSales: afterSales?.id,
    giftRequest: giftRequest?.id,
    stocktake: stocktake?.id,
    member: { id: member.id, memberNo: view.memberNo, ...a },
    pending: { id: pending.id, name: 'Lou Pending', mobile: `137${t}` },
    complaints: [byMember.id, byContact.id],
    contact,
    /** Strings no out-of-scope caller may ever be shown. */
    secrets: [member.id, view.memberNo, a.name, a.mobile, a.email, pending.id, 'Lou Pending', `137${t}`, byMember.id, byContact.id, contact.name, contact.mobile, afterSales?.id, orderRef, giftRequest?.id, stocktake?.id].filter(Boolean),
  };
}

/** The operations of the document, with a path filled in for S001's objects. */
export function objectOperations(doc, seeded) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const resource = /^\/v1\/([^/]+)/.exec(path)?.[1];
      const id = objectIdFor(resource, path, seeded);
      // the other path parameters get a well-formed value, so the answer is about the object, not the parameter
      const filled = path
        .replace('{id}', id ?? 'unknown-id')
        .replace('{n}', '1')
        .replace('{year}', String(new Date().getUTCFullYear()));
      const schema = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, filled, resource, hasId: path.includes('{id}'), op, schema, body: schema ? example(schema) : undefined });
    }
  }
  return ops;
}

/** The seeded S001 object an operation's `{id}` names, where the suite made one. */
function objectIdFor(resource, path, seeded) {
  switch (resource) {
    case 'members':
      return /review|supplement/.test(path) ? seeded.pending.id : seeded.member.id;
    case 'complaints':
      return seeded.complaints[0];
    case 'after-sales':
      return seeded.afterSales;
    case 'gift-requests':
      return seeded.giftRequest;
    case 'stocktakes':
      return seeded.stocktake;
    default:
      return undefined;
  }
}

/**
 * Roles outside S001 for a resource. After-sales requests are also worked by the warehouse and
 * technicians, and gift requests dispatched by the warehouse: for those only the other store,
 * the other region and customers are outsiders.
 */
const outOfScopeFor = (resource) => (['members', 'complaints'].includes(resource) ? OUT_OF_SCOPE : ['customer', 'staff_S002', 'manager_S002', 'agent_R2']);

/**
 * Every role × every operation on S001's objects and lists. Out-of-scope roles: objects 404,
 * functions 403, lists without S001's items; nobody out of scope sees a seeded secret.
 */
export async function accessMatrix(probe, ops, seeded, { short }) {
  const roles = Object.keys(ACTORS);
  for (const who of roles) {
    for (const o of ops) {
      const out = outOfScopeFor(o.resource).includes(who);
      if (!['members', 'complaints'].includes(o.resource) && !out) continue;
      if (short && who !== 'staff_S002' && who !== 'agent_R2' && who !== 'customer' && o.method === 'POST') continue;
      const urls = [o.filled];
      if (o.hasId && o.method === 'GET' && !o.path.endsWith('/history')) urls.push(`${o.filled}?asOf=2030-01-01T00:00:00Z`);
      if (!o.hasId && o.method === 'GET' && ['members', 'complaints'].includes(o.resource)) urls.push(`${o.filled}?storeId=S001`, `${o.filled}?q=${encodeURIComponent(seeded.member.name)}`);
      for (const url of urls) {
        let body = o.body;
        if (o.method === 'POST' && !o.hasId && o.resource === 'members') body = { ...body, storeId: 'S001' };
        if (o.method === 'POST' && !o.hasId && o.resource === 'complaints') body = { ...body, storeId: 'S001', customer: { name: 'Matrix Probe', mobile: '13500000000' } };
        // any other creation that names a store or location is aimed at S001
        if (o.method === 'POST' && !o.hasId && body && typeof body === 'object' && !Array.isArray(body)) {
          const props = o.schema?.properties ?? {};
          if ('storeId' in props) body = { ...body, storeId: 'S001' };
          if ('locationId' in props) body = { ...body, locationId: 'S001' };
        }
        await probe.send('access-matrix', {
          method: o.method,
          path: url,
          as: ACTORS[who],
          body: o.method === 'GET' ? undefined : body,
          secrets: out ? seeded.secrets : [],
          label: `${who} ${o.method} ${o.path}`,
          expect: out ? (res) => outOfScopeViolation(o, res, who) : IN_SCOPE_READERS.includes(who) && o.hasId && o.method === 'GET' ? inScopeRead : undefined,
        });
      }
    }
  }
}

/** Roles that read S001's objects: their 200s show the matrix reaches the objects it guards. */
const IN_SCOPE_READERS = ['staff_S001', 'manager_S001', 'agent_R1', 'hq_manager', 'admin'];
const inScopeRead = (res) => (res.status === 200 ? undefined : `an in-scope reader answered ${res.status}: the matrix does not reach the object`);

function outOfScopeViolation(o, res, who) {
  if (res.status === 401 || res.status === 0) return undefined;
  // a field problem is found before any object is looked at: it tells nothing about the object
  if (res.status === 400 && res.json?.code === 'VALIDATION_FAILED') return undefined;
  if (o.hasId) return [403, 404].includes(res.status) ? undefined : `an out-of-scope object answered ${res.status} (expected 404, or 403 for a function the role may not use)`;
  if (o.method === 'GET') return [200, 400, 403, 404].includes(res.status) ? undefined : `an out-of-scope list answered ${res.status}`;
  // a creation that names no store or location is not aimed at S001: nothing to say about scope
  const aimed = o.body && typeof o.body === 'object' && ('storeId' in (o.schema?.properties ?? {}) || 'locationId' in (o.schema?.properties ?? {}));
  if (!aimed) return res.status < 500 ? undefined : `creating answered ${res.status}`;
  // a customer files its own complaint or after-sales request at any store; anyone else creating in S001 is refused
  if (who === 'customer' && ['complaints', 'after-sales'].includes(o.resource) && res.status === 201) return undefined;
  return [400, 403, 404, 422].includes(res.status) ? undefined : `creating in S001 as an outsider answered ${res.status}`;
}

/**
 * References a command carries, aimed at S001's objects by callers who may not see them: the
 * answer and the resulting view must reveal nothing of the referenced object (issue item 5).
 */
export async function referenceDisclosures(probe, seeded) {
  const check = (label, extra) => ({ secrets: seeded.secrets, label, ...extra });
  for (const who of ['staff_S002', 'agent_R2']) {
    const actor = ACTORS[who];
    const storeId = who === 'staff_S002' ? 'S002' : 'S003';
    const filed = await probe.send('reference-disclosure', {
      method: 'POST',
      path: '/v1/complaints',
      as: actor,
      body: { channel: 'phone', source: who === 'staff_S002' ? 'store' : 'hq', storeId, memberId: seeded.member.id, description: 'Names another store member', category: 'PRODUCT_QUALITY' },
      ...check(`${who} files a complaint naming S001's member (repeat detection, member view)`),
    });
    if (filed.status < 300 && filed.json?.id) {
      await probe.send('reference-disclosure', { path: `/v1/complaints/${encodeURIComponent(filed.json.id)}`, as: actor, ...check(`${who} reads the complaint it filed naming S001's member`) });
      await probe.send('reference-disclosure', { path: `/v1/complaints/${encodeURIComponent(filed.json.id)}/history`, as: actor, ...check(`${who} reads that complaint's history`) });
    }
    await probe.send('reference-disclosure', { path: `/v1/complaints?memberId=${encodeURIComponent(seeded.member.id)}`, as: actor, ...check(`${who} lists complaints by S001's member`) });
    await probe.send('reference-disclosure', {
      method: 'POST',
      path: `/v1/complaints/${encodeURIComponent(seeded.complaints[0])}/assign`,
      as: actor,
      body: { assigneeId: actor.sub },
      ...check(`${who} assigns S001's complaint to itself`),
      expect: (res) => ([403, 404].includes(res.status) ? undefined : `answered ${res.status}`),
    });
  }
  // an agent of R1 (S001 and S002) files at S002 for S001's member, repeating S001's complaint:
  // S002's staff read that complaint, its history and their list without S001's member or case
  const repeat = await probe.send('reference-disclosure', {
    method: 'POST',
    path: '/v1/complaints',
    as: ACTORS.agent_R1,
    body: { channel: 'phone', source: 'hq', storeId: 'S002', memberId: seeded.member.id, description: 'Repeat at another store', category: 'PRODUCT_QUALITY' },
    label: "agent_R1 files at S002 for S001's member",
    expect: (res) => (res.status === 201 ? undefined : `answered ${res.status}`),
  });
  if (repeat.json?.id) {
    for (const path of [`/v1/complaints/${repeat.json.id}`, `/v1/complaints/${repeat.json.id}/history`, '/v1/complaints?storeId=S002', '/v1/complaints']) {
      await probe.send('reference-disclosure', { path, as: ACTORS.staff_S002, ...check(`staff_S002 reads ${path} (a complaint at S002 about S001's member)`) });
    }
  }
  // S002 files an after-sales request naming S001's member, and reads what it filed
  const afterSales = await probe.send('reference-disclosure', {
    method: 'POST',
    path: '/v1/after-sales',
    as: ACTORS.staff_S002,
    body: {
      type: 'repair', storeId: 'S002', memberId: seeded.member.id, orderRef: 'SEC-OTHER-1', receivedAt: new Date().toISOString().slice(0, 10),
      items: [{ sku: 'SEC-JK-02', name: 'Down jacket', quantity: 1, unitPrice: 59900 }], reason: 'quality', description: 'Names another store member', serviceMode: 'carry_in', warranty: 'in',
    },
    ...check("staff_S002 files an after-sales request naming S001's member"),
  });
  if (afterSales.status < 300 && afterSales.json?.id) {
    for (const path of [`/v1/after-sales/${afterSales.json.id}`, `/v1/after-sales/${afterSales.json.id}/history`]) {
      await probe.send('reference-disclosure', { path, as: ACTORS.staff_S002, ...check(`staff_S002 reads ${path} (its request naming S001's member)`) });
    }
  }
  // the matrix's objects are real: their own store reads them (else the matrix proves nothing)
  const reach = [
    [seeded.afterSales, (id) => `/v1/after-sales/${id}`, ACTORS.staff_S001],
    [seeded.giftRequest, (id) => `/v1/gift-requests/${id}`, ACTORS.manager_S001],
    [seeded.stocktake, (id) => `/v1/stocktakes/${id}`, ACTORS.manager_S001],
  ];
  for (const [id, path, as] of reach) {
    await probe.send('reference-disclosure', {
      path: id ? path(encodeURIComponent(id)) : path('(not seeded)'),
      as,
      label: `S001 reads its own ${path('{id}')}`,
      expect: (res) => (id && res.status === 200 ? undefined : `the seeded object is not readable by its own store (${id ? res.status : 'not seeded'}): the matrix does not reach it`),
    });
  }
  // a mobile registered in S001, submitted again by S002: must not tell S002 the number exists
  const fresh = await probe.send('reference-disclosure', {
    method: 'POST',
    path: '/v1/members',
    as: ACTORS.staff_S002,
    body: { storeId: 'S002', name: 'Fresh Number', mobile: `135${String(Date.now() % 1e8).padStart(8, '0')}`, gender: 'male' },
    label: 'baseline: S002 registers a fresh number',
  });
  await probe.send('reference-disclosure', {
    method: 'POST',
    path: '/v1/members',
    as: ACTORS.staff_S002,
    body: { storeId: 'S002', name: 'Same Number', mobile: seeded.member.mobile, gender: 'male' },
    ...check("S002 registers S001's member's mobile"),
    expect: (res) =>
      res.status !== fresh.status || res.json?.code !== fresh.json?.code
        ? `answered ${res.status} ${res.json?.code ?? ''} where a fresh number gets ${fresh.status}: tells another store the number is registered`
        : undefined,
  });
}
