import type { StaffRoster } from '../routing/complaint-routing.js';
import { autoEscalationTarget, DEFAULT_AUTO_ESCALATION, planNotifications, type NotificationCase } from './notification-plan.js';

const roster: StaffRoster = { storeManagers: { S1: { id: 'smgr-1' } }, regionAgents: { R1: [{ id: 'agent-1' }] }, hqManagers: [{ id: 'hq-mgr' }] };
const c: NotificationCase = { complaintId: 'c-1', complaintNo: 'TS-1', storeId: 'S1', regionId: 'R1', severity: 'P3', escalationLevel: 'store_staff', ownerId: 'staff-1' };
const at = { at: '2026-01-06T00:00:00.000Z', by: 'system:sla-timer' };

describe('Notification plan', () => {
  it('should tell the owner and the store manager of an SLA warning on a store case', () => {
    const planned = planNotifications({ type: 'SlaWarningReached', data: { clock: 'resolution', dueAt: '2026-01-07T01:00:00.000Z', ...at } }, c, roster);
    expect(planned.map((n) => [n.recipientId, n.recipientRole, n.kind])).toEqual([
      ['staff-1', 'owner', 'sla_warning'],
      ['smgr-1', 'manager', 'sla_warning'],
    ]);
    expect(planned[0]!.body).toContain('TS-1');
  });

  it('should tell the HQ manager, as the manager, of a breach on an HQ case', () => {
    const planned = planNotifications({ type: 'SlaBreached', data: { clock: 'first_response', dueAt: '2026-01-06T01:00:00.000Z', ...at } }, { ...c, escalationLevel: 'hq_agent', ownerId: 'agent-1' }, roster);
    expect(planned.map((n) => n.recipientId)).toEqual(['agent-1', 'hq-mgr']);
  });

  it('should tell a person once when they are both owner and manager', () => {
    const planned = planNotifications({ type: 'SlaBreached', data: { clock: 'resolution', dueAt: '2026-01-06T01:00:00.000Z', ...at } }, { ...c, ownerId: 'smgr-1' }, roster);
    expect(planned.map((n) => n.recipientId)).toEqual(['smgr-1']);
  });

  it('should tell the HQ manager of a P1 and of an escalation to HQ, not of a store escalation', () => {
    expect(planNotifications({ type: 'ComplaintClassified', data: { category: 'PRIVACY', severity: 'P1', ...at } }, c, roster)).toMatchObject([{ recipientId: 'hq-mgr', kind: 'p1' }]);
    expect(planNotifications({ type: 'ComplaintEscalated', data: { fromLevel: 'store_staff', toLevel: 'hq_agent', reason: 'x', ...at } }, c, roster)).toMatchObject([{ recipientId: 'hq-mgr', kind: 'escalation' }]);
    expect(planNotifications({ type: 'ComplaintEscalated', data: { fromLevel: 'store_staff', toLevel: 'store_manager', reason: 'x', ...at } }, c, roster)).toEqual([]);
    expect(planNotifications({ type: 'ComplaintClassified', data: { category: 'PRIVACY', severity: 'P2', ...at } }, c, roster)).toEqual([]);
  });

  it('should alert an overdue promise like an SLA', () => {
    const planned = planNotifications({ type: 'PromiseOverdue', data: { promiseNo: 1, what: 'Deliver', dueAt: '2026-01-07T10:00:00.000Z', ...at } }, c, roster);
    expect(planned.map((n) => [n.recipientId, n.kind])).toEqual([
      ['staff-1', 'promise_overdue'],
      ['smgr-1', 'promise_overdue'],
    ]);
  });

  it('should tell nobody of other events, and nobody missing from the roster', () => {
    expect(planNotifications({ type: 'FirstResponseSent', data: { message: 'x', withinSla: true, ...at } }, c, roster)).toEqual([]);
    const empty = { storeManagers: {}, regionAgents: {}, hqManagers: [] };
    expect(planNotifications({ type: 'SlaBreached', data: { clock: 'resolution', dueAt: 'x', ...at } }, c, empty).map((n) => n.recipientId)).toEqual(['staff-1']);
  });

  it('should escalate a resolution breach automatically by the configured rules', () => {
    expect(autoEscalationTarget('resolution', 'store_staff', DEFAULT_AUTO_ESCALATION)).toBe('store_manager');
    expect(autoEscalationTarget('resolution', 'hq_manager', DEFAULT_AUTO_ESCALATION)).toBeUndefined();
    expect(autoEscalationTarget('first_response', 'store_staff', DEFAULT_AUTO_ESCALATION)).toBeUndefined();
  });
});
