import { DEFAULT_ROUTING_RULES, EMPTY_ROSTER, ownerAtLevel, routeComplaint, type RoutingCase, type StaffRoster } from './complaint-routing.js';

const roster: StaffRoster = {
  storeManagers: { S001: { id: 'mgr-s1', name: 'Chen' } },
  regionAgents: { R1: [{ id: 'agent-r1a' }, { id: 'agent-r1b' }] },
  hqManagers: [{ id: 'hq-mgr' }],
};
const base: RoutingCase = { complaintId: 'c-1', storeId: 'S001', regionId: 'R1', source: 'store', severity: 'P3', repeat: false, filer: { id: 'staff-1', name: 'Li' } };

describe('Complaint routing (首问制)', () => {
  it('should leave a store complaint with the staff member who filed it', () => {
    expect(routeComplaint(base, DEFAULT_ROUTING_RULES, roster)).toEqual({ id: 'staff-1', name: 'Li', rule: 'store_source' });
  });

  it("should send an HQ-source complaint and a repeat to the region's HQ agent", () => {
    expect(routeComplaint({ ...base, source: 'hq' }, DEFAULT_ROUTING_RULES, roster)).toMatchObject({ rule: 'hq_source', id: expect.stringMatching(/^agent-r1/) });
    expect(routeComplaint({ ...base, repeat: true }, DEFAULT_ROUTING_RULES, roster)).toMatchObject({ rule: 'repeat', id: expect.stringMatching(/^agent-r1/) });
  });

  it('should send a P1 to the HQ manager before any other rule', () => {
    expect(routeComplaint({ ...base, severity: 'P1', repeat: true, source: 'hq' }, DEFAULT_ROUTING_RULES, roster)).toEqual({ id: 'hq-mgr', rule: 'p1' });
  });

  it('should pick the same agent for the same complaint, and spread complaints over the agents', () => {
    const once = routeComplaint({ ...base, source: 'hq' }, DEFAULT_ROUTING_RULES, roster).id;
    expect(routeComplaint({ ...base, source: 'hq' }, DEFAULT_ROUTING_RULES, roster).id).toBe(once);
    const owners = new Set(Array.from({ length: 20 }, (_, i) => routeComplaint({ ...base, complaintId: `c-${i}`, source: 'hq' }, DEFAULT_ROUTING_RULES, roster).id));
    expect(owners).toEqual(new Set(['agent-r1a', 'agent-r1b']));
  });

  it('should keep the filer as owner when nobody is on the roster for the level', () => {
    expect(routeComplaint({ ...base, source: 'hq' }, DEFAULT_ROUTING_RULES, EMPTY_ROSTER)).toEqual({ id: 'staff-1', name: 'Li', rule: 'fallback_filer' });
  });

  it('should follow configured rules', () => {
    expect(routeComplaint(base, { ...DEFAULT_ROUTING_RULES, storeSource: 'store_manager' }, roster)).toEqual({ id: 'mgr-s1', name: 'Chen', rule: 'store_source' });
  });

  it('should name the person at each escalation level', () => {
    expect(ownerAtLevel('store_manager', base, roster)).toEqual({ id: 'mgr-s1', name: 'Chen' });
    expect(ownerAtLevel('hq_agent', base, roster)?.id).toMatch(/^agent-r1/);
    expect(ownerAtLevel('hq_manager', base, roster)).toEqual({ id: 'hq-mgr' });
    expect(ownerAtLevel('hq_agent', { ...base, regionId: 'R9' }, roster)).toBeUndefined();
  });
});
