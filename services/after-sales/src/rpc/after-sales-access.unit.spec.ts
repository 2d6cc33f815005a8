import { OrgDirectory } from '@cs/org';
import { canSeeRequest, contactEntitled, requireMayFile, visibleStoreIds } from './after-sales-access.js';

const org = new OrgDirectory();
const request = { storeId: 'S001', memberId: 'm-1' };

describe('who sees and acts on an after-sales request', () => {
  it('should show a customer its own requests only', () => {
    expect(canSeeRequest(org, { id: 'm-1', role: 'customer' }, request)).toBe(true);
    expect(canSeeRequest(org, { id: 'm-2', role: 'customer' }, request)).toBe(false);
    expect(canSeeRequest(org, { id: 'm-1', role: 'customer' }, { storeId: 'S001' })).toBe(false);
  });

  it('should keep store staff to their store and agents to their regions', () => {
    expect(canSeeRequest(org, { id: 's', role: 'store_staff', storeId: 'S001' }, request)).toBe(true);
    expect(canSeeRequest(org, { id: 's', role: 'store_staff', storeId: 'S002' }, request)).toBe(false);
    expect(canSeeRequest(org, { id: 'a', role: 'hq_cs_agent', regionIds: ['R1'] }, request)).toBe(true);
    expect(canSeeRequest(org, { id: 'a', role: 'hq_cs_agent', regionIds: ['R3'] }, request)).toBe(false);
  });

  it('should let the warehouse and technicians work for every store unless their token names one', () => {
    expect(canSeeRequest(org, { id: 't', role: 'technician' }, request)).toBe(true);
    expect(canSeeRequest(org, { id: 't', role: 'technician', storeId: 'S002' }, request)).toBe(false);
    expect(visibleStoreIds(org, { id: 'w', role: 'warehouse' })).toBeNull();
    expect(visibleStoreIds(org, { id: 'w', role: 'warehouse', storeId: 'S003' })).toEqual(['S003']);
    expect(visibleStoreIds(org, { id: 'x', role: 'analyst' })).toBeNull();
  });

  it('should let customers file for themselves and staff for their stores', () => {
    expect(() => requireMayFile(org, { id: 'm-1', role: 'customer' }, request)).not.toThrow();
    expect(() => requireMayFile(org, { id: 'm-9', role: 'customer' }, request)).toThrow(expect.objectContaining({ code: 'NOT_YOUR_ACCOUNT', kind: 'forbidden' }));
    expect(() => requireMayFile(org, { id: 's', role: 'store_staff', storeId: 'S002' }, request)).toThrow(expect.objectContaining({ code: 'STORE_OUT_OF_SCOPE' }));
  });

  it('should show the full mobile to the customer and the handling store only', () => {
    expect(contactEntitled({ id: 'm-1', role: 'customer' }, request)).toBe(true);
    expect(contactEntitled({ id: 's', role: 'store_manager', storeId: 'S001' }, request)).toBe(true);
    expect(contactEntitled({ id: 's', role: 'store_manager', storeId: 'S002' }, request)).toBe(false);
    expect(contactEntitled({ id: 't', role: 'technician' }, request)).toBe(false);
  });
});
