import { DomainError } from '@cs/eventstore';
import { OrgDirectory } from '@cs/org';
import { canSeeRequest, canUseLocation, requireLocation, visibleLocations } from './gift-access.js';

const org = new OrgDirectory();
const staffS001 = { id: 's-1', role: 'store_staff', storeId: 'S001' };
const warehouse = { id: 'w-1', role: 'warehouse' };
const agentR1 = { id: 'a-1', role: 'hq_cs_agent', regionIds: ['R1'] };
const manager = { id: 'm-1', role: 'hq_cs_manager' };

describe('gift access', () => {
  it('should keep store roles to their own store and away from the warehouse', () => {
    expect(canUseLocation(org, staffS001, 'S001')).toBe(true);
    expect(canUseLocation(org, staffS001, 'S002')).toBe(false);
    expect(canUseLocation(org, staffS001, 'HQ')).toBe(false);
    expect(visibleLocations(org, staffS001)).toEqual(['S001']);
  });

  it('should keep the warehouse role on HQ, while letting it see every request it ships', () => {
    expect(canUseLocation(org, warehouse, 'HQ')).toBe(true);
    expect(canUseLocation(org, warehouse, 'S001')).toBe(false);
    expect(visibleLocations(org, warehouse)).toEqual(['HQ']);
    expect(canSeeRequest(org, warehouse, 'S005')).toBe(true);
    expect(canSeeRequest(org, staffS001, 'S002')).toBe(false);
  });

  it('should give HQ agents the warehouse and their region, the CS manager everything', () => {
    expect(visibleLocations(org, agentR1)).toEqual(['HQ', 'S001', 'S002']);
    expect(canUseLocation(org, agentR1, 'S003')).toBe(false);
    expect(visibleLocations(org, manager)).toBeNull();
    expect(visibleLocations(org, undefined)).toEqual([]);
  });

  it('should refuse a location that is neither HQ nor a known store', () => {
    expect(() => requireLocation(org, 'HQ')).not.toThrow();
    expect(() => requireLocation(org, 'S999')).toThrow(DomainError);
  });
});
