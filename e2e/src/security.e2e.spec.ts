import { Platform, type Claims } from './support/platform.js';

const staffS001: Claims = { sub: 'sec-staff-s001', role: 'store_staff', storeId: 'S001' };

describe('security, through the gateway', () => {
  const platform = new Platform();
  beforeAll(() => platform.start(), 60_000);
  afterAll(() => platform.stop());
  const post = (url: string, as: Claims | null, body?: unknown, headers?: Record<string, string>) => platform.request('POST', url, as, body ?? {}, headers);

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
});
