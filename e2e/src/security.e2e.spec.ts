import { eventually } from '@cs/testing';
import { Platform, type Claims } from './support/platform.js';

const staffS001: Claims = { sub: 'sec-staff-s001', role: 'store_staff', storeId: 'S001' };
const staffS002: Claims = { sub: 'sec-staff-s002', role: 'store_staff', storeId: 'S002' };
const agentR1: Claims = { sub: 'sec-agent-r1', role: 'hq_cs_agent', regionIds: ['R1'] };
const agentR2: Claims = { sub: 'sec-agent-r2', role: 'hq_cs_agent', regionIds: ['R2'] };
const hqManager: Claims = { sub: 'sec-hq-mgr', role: 'hq_cs_manager' };

describe('security, through the gateway', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 60_000);
  afterAll(() => platform.stop());
  const post = (url: string, as: Claims | null, body?: unknown, headers?: Record<string, string>) => platform.request('POST', url, as, body ?? {}, headers);
  const get = (url: string, as: Claims | null) => platform.request('GET', url, as);

  describe('when an Idempotency-Key is reused for a different request', () => {
    it("should name only the caller's key, never the internal command id or subject", async () => {
      const key = 'sec-key-1';
      const first = await post('/v1/members', staffS001, { storeId: 'S001', name: 'Idem One', mobile: '13700000001' }, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const reused = await post('/v1/members', staffS001, { storeId: 'S001', name: 'Idem Two', mobile: '13700000002' }, { 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      const text = JSON.stringify(reused.body);
      expect(reused.body.detail).toContain(key);
      expect(text).not.toContain('rpc.');
      expect(text).not.toContain(staffS001.sub);
      expect(reused.body.details).toBeUndefined();
    });
  });

  describe('references to objects outside the caller’s scope', () => {
    const member = { name: 'Scope Member', mobile: '13766660001' };
    let memberId: string;
    let memberNo: string;
    let complaintS001: string;
    /** Nothing of S001's member may reach a caller outside S001's scope. */
    const revealsNothing = (body: unknown) => {
      const text = JSON.stringify(body);
      for (const secret of [member.name, member.mobile, memberNo, complaintS001]) expect(text).not.toContain(secret);
    };

    beforeAll(async () => {
      const submitted = await post('/v1/members', staffS001, { storeId: 'S001', ...member, gender: 'female', birthDate: '1990-01-02', postalAddress: '1 Road' });
      expect(submitted.status).toBe(201);
      memberId = submitted.body.id;
      const approved = await eventually(async () => {
        const res = await post(`/v1/members/${memberId}/review`, agentR1, { decision: 'approve' });
        expect(res.status).toBe(200);
        return res;
      });
      memberNo = approved.body.memberNo;
      const filed = await post('/v1/complaints', staffS001, { channel: 'store_visit', source: 'store', storeId: 'S001', memberId, description: 'Torn seam', category: 'PRODUCT_QUALITY' });
      expect(filed.status).toBe(201);
      complaintS001 = filed.body.id;
      // the complaints service knows the member once members' events reach it
      await eventually(async () => expect((await get(`/v1/complaints/${complaintS001}`, staffS001)).body.member?.memberNo).toBe(memberNo), 20_000);
      // repeat detection reads the complaint list
      await eventually(async () => expect((await get(`/v1/complaints?memberId=${memberId}`, staffS001)).body.items.map((c: { id: string }) => c.id)).toContain(complaintS001), 20_000);
    });

    it.each([
      ['store staff of another store', staffS002, 'S002'],
      ['an HQ agent of another region', agentR2, 'S003'],
    ])('should refuse %s filing a complaint that names the member, as an unknown member', async (_who, actor, storeId) => {
      const res = await post('/v1/complaints', actor, { channel: 'phone', source: 'store', storeId, memberId, description: 'Names a member of S001', category: 'PRODUCT_QUALITY' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('MEMBER_NOT_FOUND');
      revealsNothing(res.body);
    });

    it("should not show another store's member or its earlier complaint in a complaint filed in scope", async () => {
      // an agent of R1 sees S001 and S002: files at S002 for S001's member (a repeat of S001's case)
      const filed = await post('/v1/complaints', agentR1, { channel: 'phone', source: 'hq', storeId: 'S002', memberId, description: 'Again', category: 'PRODUCT_QUALITY' });
      expect(filed.status).toBe(201);
      expect(filed.body.repeatOfComplaintId).toBe(complaintS001);
      const asAgent = await get(`/v1/complaints/${filed.body.id}`, agentR1);
      expect(asAgent.body).toMatchObject({ repeatOfComplaintId: complaintS001, member: { memberNo } });
      const asS002 = await get(`/v1/complaints/${filed.body.id}`, staffS002);
      expect(asS002.status).toBe(200);
      expect(asS002.body).toMatchObject({ repeatOfComplaintId: null, member: null });
      revealsNothing(asS002.body);
      const history = await get(`/v1/complaints/${filed.body.id}/history`, staffS002);
      expect(history.status).toBe(200);
      revealsNothing(history.body);
      const list = await get(`/v1/complaints?storeId=S002`, staffS002);
      revealsNothing(list.body);
    });

    it("should not tell another store that a mobile is registered, and leave the conflict to HQ's review", async () => {
      const fresh = await post('/v1/members', staffS002, { storeId: 'S002', name: 'Fresh Number', mobile: '13766660002', gender: 'male', birthDate: '1991-01-01', postalAddress: '2 Road' });
      const same = await post('/v1/members', staffS002, { storeId: 'S002', name: 'Same Number', mobile: member.mobile, gender: 'male', birthDate: '1991-01-01', postalAddress: '2 Road' });
      expect([fresh.status, same.status]).toEqual([201, 201]);
      expect(same.body.status).toBe(fresh.body.status);
      revealsNothing(same.body);
      // HQ sees the whole chain: approving the second holder of the number is refused, naming the member
      const approve = await eventually(async () => {
        const res = await post(`/v1/members/${same.body.id}/review`, hqManager, { decision: 'approve' });
        expect(res.status).not.toBe(404);
        return res;
      });
      expect(approve.status).toBe(409);
      expect(approve.body.code).toBe('MOBILE_ALREADY_REGISTERED');
      expect(approve.body.detail).toContain(memberNo);
      // the fresh one is approved as usual
      expect((await post(`/v1/members/${fresh.body.id}/review`, hqManager, { decision: 'approve' })).status).toBe(200);
    });

    it('should still name the member to its own store', async () => {
      const duplicate = await post('/v1/members', staffS001, { storeId: 'S001', name: 'Another', mobile: member.mobile });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.detail).toContain(memberNo);
    });
  });
});
