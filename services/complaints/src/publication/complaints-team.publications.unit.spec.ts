import type { RecordedEvent } from '@cs/eventstore';
import * as contracts from '@cs/contracts';
import { validate } from 'class-validator';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { complaintDecider } from '../complaint/complaint.decider.js';
import type { ComplaintCommand } from '../complaint/complaint.commands.js';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import type { StaffRoster } from '../routing/complaint-routing.js';
import { computeSlaClocks, DEFAULT_SLA_POLICIES } from '../sla/sla-policy.js';
import { workingCalendar } from '../sla/working-calendar.js';
import { complaintsTeamPublications } from './complaints-team.publications.js';

const roster: StaffRoster = { storeManagers: { S1: { id: 'smgr-1' } }, regionAgents: { R1: [{ id: 'agent-1' }] }, hqManagers: [{ id: 'hq-mgr' }] };
const T0 = '2026-01-05T01:00:00.000Z';
const staff = { id: 'staff-1', role: 'store_staff', storeId: 'S1' };

/** Runs commands through the decider and records the events as the store would. */
function record(commands: ComplaintCommand[]): RecordedEvent[] {
  let state = complaintDecider.initialState();
  const out: RecordedEvent[] = [];
  for (const command of commands) {
    for (const e of complaintDecider.decide(command, state)) {
      state = complaintDecider.evolve(state, e);
      out.push({
        eventId: `e-${out.length + 1}`,
        type: e.type,
        data: e.data,
        schemaVersion: 1,
        metadata: {},
        streamId: 'complaint-c-1',
        streamType: 'complaint',
        streamVersion: out.length + 1,
        globalPosition: String(out.length + 1),
        transactionId: '1',
        recordedAt: new Date(T0),
      } as RecordedEvent);
    }
  }
  return out;
}

const classes: Record<string, ClassConstructor<object>> = {
  'complaints.ComplaintAssigned': contracts.ComplaintAssignedV1,
  'complaints.ComplaintClassified': contracts.ComplaintClassifiedV1,
  'complaints.ComplaintEscalated': contracts.ComplaintEscalatedV1,
  'complaints.ComplaintSlaWarning': contracts.ComplaintSlaWarningV1,
  'complaints.ComplaintNotificationRequested': contracts.ComplaintNotificationRequestedV1,
  'complaints.ComplaintMerged': contracts.ComplaintMergedV1,
};

describe('Complaints team publications', () => {
  const events = record([
    {
      type: 'FileComplaint',
      complaintId: 'c-1',
      channel: 'store_visit',
      source: 'store',
      storeId: 'S1',
      regionId: 'R1',
      memberId: 'm-1',
      description: 'Seam split',
      sla: computeSlaClocks(DEFAULT_SLA_POLICIES.chain, workingCalendar(), T0),
      owner: { id: staff.id },
      now: T0,
      actor: staff,
    },
    { type: 'ClassifyComplaint', complaintId: 'c-1', category: 'PRODUCT_QUALITY', severity: 'P1', now: T0, actor: staff },
    { type: 'RecordSlaWarning', complaintId: 'c-1', clock: 'first_response', dueAt: 'x', now: '2026-01-05T20:12:00.000Z', actor: { id: 'system:sla-timer', role: 'system' } },
    { type: 'MergeComplaint', complaintId: 'c-1', intoComplaintId: 'c-0', note: 'dup', customerMessage: 'We handle it under c-0', now: T0, actor: staff },
  ]);
  const map = complaintsTeamPublications(() => roster);
  const context = { streamUpTo: async (e: RecordedEvent) => events.slice(0, events.indexOf(e) + 1) };

  it('should publish valid contracts, and a notification per recipient', async () => {
    const published = (await Promise.all(events.map((e) => map(e, context)))).flat();
    expect(published.map((p) => p.type)).toEqual([
      'complaints.ComplaintAssigned',
      'complaints.ComplaintClassified',
      'complaints.ComplaintNotificationRequested',
      'complaints.ComplaintSlaWarning',
      'complaints.ComplaintNotificationRequested',
      'complaints.ComplaintNotificationRequested',
      'complaints.ComplaintMerged',
    ]);
    for (const p of published) {
      expect(await validate(plainToInstance(classes[p.type]!, p.data), { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
    }
    const warnings = published.filter((p) => p.type === 'complaints.ComplaintNotificationRequested' && p.data['kind'] === 'sla_warning');
    expect(warnings.map((p) => [p.data['recipientId'], p.data['notificationId']])).toEqual([
      ['staff-1', 'e-4:staff-1'],
      ['smgr-1', 'e-4:smgr-1'],
    ]);
    expect(JSON.stringify(published)).not.toContain('mobile');
  });

  it('should publish the same thing twice for the same event (relay redelivery)', async () => {
    const e = events.find((x) => (x as unknown as ComplaintEvent).type === 'SlaWarningReached')!;
    expect(await map(e, context)).toEqual(await map(e, context));
  });
});
