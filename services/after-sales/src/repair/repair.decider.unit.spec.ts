import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { RequestActor } from '../common/after-sales.values.js';
import { DEFAULT_AFTER_SALES_TERMS, type TermsInForce } from '../policy/after-sales-terms.policy.js';
import type { FileRepair, RepairCommand } from './repair.commands.js';
import { repairDecider, repairStreamId } from './repair.decider.js';
import type { RepairEvent, RepairRegistered } from './repair.events.js';
import { repairLifecycle } from './repair.lifecycle.js';
import { REPAIR_STATUSES, type RepairStatus } from './repair.values.js';

const spec = DeciderSpecification(repairDecider);
const ID = 'p-1';
const T0 = '2026-06-03T02:00:00.000Z'; // Wednesday 10:00 Shanghai
const T1 = '2026-06-03T03:00:00.000Z';
const DUE_12 = '2026-06-09T03:00:00.000Z'; // 12 units received at T1: 4 working days, over the weekend
const staff: RequestActor = { id: 'staff-1', role: 'store_staff', storeId: 'S001' };
const tech: RequestActor = { id: 'tech-1', role: 'technician' };
const timer: RequestActor = { id: 'system:repair-timer', role: 'system' };
const terms: TermsInForce = { ...DEFAULT_AFTER_SALES_TERMS, version: 1 };
const by = (actor: RequestActor = tech, at = T1) => ({ at, by: actor.id });
const zips = { sku: 'ZIP-9', name: 'Jacket zip', quantity: 12, unitPrice: 0 };

function file(overrides: Partial<FileRepair> = {}): FileRepair {
  return {
    type: 'FileRepair',
    requestId: ID,
    storeId: 'S001',
    memberId: 'm-1',
    items: [zips],
    reason: 'quality',
    description: 'Zips stuck',
    warranty: 'in',
    origin: 'customer',
    serviceMode: 'carry_in',
    terms,
    now: T0,
    actor: staff,
    ...overrides,
  };
}

function cmd<T extends RepairCommand['type']>(
  type: T,
  fields: Omit<Extract<RepairCommand, { type: T }>, 'type' | 'requestId' | 'now' | 'actor'>,
  actor: RequestActor = tech,
  now = T1,
): RepairCommand {
  return { type, requestId: ID, now, actor, ...fields } as RepairCommand;
}

const registered = (data: Partial<RepairRegistered['data']> = {}): RepairRegistered => ({
  type: 'RepairRegistered',
  data: {
    requestId: ID,
    storeId: 'S001',
    memberId: 'm-1',
    items: [zips],
    reason: 'quality',
    description: 'Zips stuck',
    warranty: 'in',
    origin: 'customer',
    serviceMode: 'carry_in',
    reportedBy: 'end_user',
    units: 12,
    policyVersion: 1,
    registeredAt: T0,
    at: T0,
    by: staff.id,
    ...data,
  },
});
const onSite = registered({ serviceMode: 'on_site', units: 1, items: [{ ...zips, quantity: 1 }] });
const visit: RepairEvent = { type: 'RepairVisitScheduled', data: { dueAt: '2026-06-04T02:00:00.000Z', policyVersion: 1, at: T0, by: staff.id } };
const received: RepairEvent = { type: 'RepairItemReceived', data: { receivedAt: T1, dueAt: DUE_12, policyVersion: 1, ...by(staff) } };
const diagnosed = (free = true): RepairEvent => ({ type: 'RepairDiagnosed', data: { fault: 'teeth bent', plan: 'replace zip', free, byTechCentre: false, ...by() } });
const quoted: RepairEvent = { type: 'RepairQuoted', data: { amount: 3000, ...by() } };
const started: RepairEvent = { type: 'RepairStarted', data: { technicianId: tech.id, ...by() } };
const qcPassed: RepairEvent = { type: 'RepairQcRecorded', data: { passed: true, ...by() } };
const ready: RepairEvent = { type: 'RepairReady', data: { readyAt: T1, ...by() } };
const completed: RepairEvent[] = [
  { type: 'RepairCompleted', data: { completedAt: T1, reportedBy: 'end_user', notifyReporter: false, charged: 0, ...by() } },
  { type: 'RepairCallbackScheduled', data: { dueAt: '2026-06-06T03:00:00.000Z', ...by() } },
];
const paid = registered({ warranty: 'out' });
const workshop = [registered(), received, diagnosed(), started, qcPassed];

const paths: Record<RepairStatus, RepairEvent[]> = {
  registered: [registered()],
  visit_scheduled: [onSite, visit],
  item_received: [registered(), received],
  diagnosed: [registered(), received, diagnosed()],
  escalated: [registered(), received, { type: 'RepairEscalated', data: { reason: 'board fault', to: 'tech_centre', ...by() } }],
  quoted: [paid, received, diagnosed(false), quoted],
  quote_accepted: [paid, received, diagnosed(false), quoted, { type: 'RepairQuoteAccepted', data: { amount: 3000, ...by() } }],
  repairing: [registered(), received, diagnosed(), started],
  qc_passed: workshop,
  ready: [...workshop, ready],
  return_shipped: [registered({ serviceMode: 'mail_in' }), received, diagnosed(), started, qcPassed, { type: 'RepairReturnShipped', data: { readyAt: T1, waybillNo: 'SF2', ...by() } }],
  completed: [...workshop, ready, completed[0]],
  callback_pending: [...workshop, ready, ...completed],
  closed: [...workshop, ready, ...completed, { type: 'RepairClosed', data: by() }],
  returned_unrepaired: [paid, received, diagnosed(false), quoted, { type: 'RepairQuoteDeclined', data: { amount: 3000, ...by() } }],
  cancelled: [registered(), { type: 'RepairCancelled', data: by(staff) }],
};

const anyCommand: Record<Exclude<RepairCommand['type'], 'FileRepair' | 'RecordRepairBreach'>, RepairCommand> = {
  ReceiveRepairItem: cmd('ReceiveRepairItem', { terms }, staff),
  DiagnoseRepair: cmd('DiagnoseRepair', { fault: 'teeth bent', plan: 'replace zip' }),
  EscalateRepair: cmd('EscalateRepair', { reason: 'board fault' }),
  QuoteRepair: cmd('QuoteRepair', { amount: 3000 }),
  AcceptQuote: cmd('AcceptQuote', {}),
  DeclineQuote: cmd('DeclineQuote', {}),
  StartRepair: cmd('StartRepair', {}),
  RecordQc: cmd('RecordQc', { passed: true }),
  MarkReady: cmd('MarkReady', {}),
  CompleteRepair: cmd('CompleteRepair', { callbackDueAt: '2026-06-06T03:00:00.000Z' }),
  CloseRepair: cmd('CloseRepair', {}),
  CancelRepair: cmd('CancelRepair', {}, staff),
};

describe('Repair', () => {
  it('should keep one stream per request', () => {
    expect(repairStreamId(ID)).toBe('repair-p-1');
  });

  it('should reach every status through its history', () => {
    for (const status of REPAIR_STATUSES) {
      const state = paths[status].reduce(repairDecider.evolve, repairDecider.initialState());
      expect([status, state?.status]).toEqual([status, status]);
    }
  });

  describe('when a command arrives in a status that does not allow it', () => {
    const cases = REPAIR_STATUSES.flatMap((status) =>
      Object.entries(anyCommand)
        .filter(([type]) => !repairLifecycle.allows(type as RepairCommand['type'], status))
        .map(([type, command]) => [type, status, command] as const),
    );
    const expectedCode = (type: string, status: string) =>
      type === 'StartRepair' && status === 'quoted' ? 'REPAIR_QUOTE_NOT_CONFIRMED' : type === 'CompleteRepair' && status === 'repairing' ? 'REPAIR_NOT_READY' : 'REPAIR_INVALID_TRANSITION';
    it.each(cases)('should refuse %s when %s', (type, status, command) => {
      spec.given(paths[status]).when(command).thenThrows(DomainError, expectedCode(type, status));
    });

    it('should say a quoted repair waits for the customer, and a repair in progress for its QC', () => {
      spec.given(paths.quoted).when(anyCommand.StartRepair).thenThrows(DomainError, 'REPAIR_QUOTE_NOT_CONFIRMED');
      spec.given(paths.repairing).when(anyCommand.CompleteRepair).thenThrows(DomainError, 'REPAIR_NOT_READY');
    });
  });

  describe('when a repair is filed', () => {
    it('should register a workshop repair with its units; its clock waits for the item', () => {
      spec.given([]).when(file()).then([registered()]);
    });

    it('should schedule an on-site visit within 24 hours of the call', () => {
      spec.given([]).when(file({ serviceMode: 'on_site', items: [{ ...zips, quantity: 1 }] })).then([onSite, visit]);
    });

    it('should schedule the visit at the time the customer chose', () => {
      spec
        .given([])
        .when(file({ serviceMode: 'on_site', visitAt: '2026-06-06T09:00:00+08:00' }))
        .thenMatches([{ data: { visitAt: '2026-06-06T09:00:00+08:00' } }, { type: 'RepairVisitScheduled', data: { dueAt: '2026-06-06T01:00:00.000Z' } }]);
    });

    it('should record the reporter and the receipt date', () => {
      spec
        .given([])
        .when(file({ reportedBy: 'property_manager', receivedOn: '2026-05-01', serviceMode: 'salesperson_carry' }))
        .thenMatches([{ data: { reportedBy: 'property_manager', receivedOn: '2026-05-01', windowEndsAt: '2026-05-08T15:59:59.999Z' } }]);
    });

    it('should open a compensation repair without items as one unit', () => {
      spec
        .given([])
        .when(file({ origin: 'complaint_compensation', compensation: { complaintId: 'c-1', solutionNo: 1 }, items: [] }))
        .thenMatches([{ data: { units: 1, linkedComplaintId: 'c-1' } }]);
    });

    it.each([
      ['a visit time for a carry-in repair', { visitAt: '2026-06-06T09:00:00+08:00' }, 'VISIT_TIME_ONLY_ON_SITE'],
      ['a visit time in the past', { serviceMode: 'on_site' as const, visitAt: '2026-06-01T09:00:00+08:00' }, 'VISIT_TIME_IN_PAST'],
      ['no items', { items: [] }, 'INVALID_ITEMS'],
      ['no customer', { memberId: undefined }, 'CUSTOMER_INFO_REQUIRED'],
      ['a blank description', { description: '' }, 'FIELD_REQUIRED'],
      ['a blank store', { storeId: ' ' }, 'FIELD_REQUIRED'],
      ['a compensation origin without the grant', { origin: 'complaint_compensation' as const }, 'FIELD_REQUIRED'],
    ])('should refuse %s', (_name, overrides, code) => {
      spec.given([]).when(file(overrides as Partial<FileRepair>)).thenThrows(DomainError, code);
    });

    it('should refuse a second filing', () => {
      spec.given([registered()]).when(file()).thenThrows(DomainError, 'REPAIR_ALREADY_EXISTS');
    });
  });

  it('should answer not found for an unknown repair', () => {
    spec.given([]).when(anyCommand.StartRepair).thenThrows(DomainError, 'REPAIR_NOT_FOUND');
  });

  describe('when the item is received', () => {
    it('should start the turnaround clock: 12 units, 4 working days', () => {
      spec.given([registered()]).when(cmd('ReceiveRepairItem', { terms }, staff)).then([received]);
    });

    it('should record the flags and the waybill of a mail-in item', () => {
      spec
        .given([registered({ serviceMode: 'mail_in', units: 3 })])
        .when(cmd('ReceiveRepairItem', { terms: { ...terms, version: 4 }, waybillNo: 'YT1', accessoriesIncluded: true, invoiceIncluded: false }, staff))
        .then([
          {
            type: 'RepairItemReceived',
            data: { receivedAt: T1, dueAt: '2026-06-05T03:00:00.000Z', policyVersion: 4, waybillNo: 'YT1', accessoriesIncluded: true, invoiceIncluded: false, ...by(staff) },
          },
        ]);
    });
  });

  describe('when the technician diagnoses', () => {
    it('should make a quality problem in warranty free', () => {
      spec.given(paths.item_received).when(anyCommand.DiagnoseRepair).then([diagnosed()]);
    });

    it('should make it paid out of warranty, or when the technician finds it so', () => {
      spec.given([paid, received]).when(anyCommand.DiagnoseRepair).then([diagnosed(false)]);
      spec.given(paths.item_received).when(cmd('DiagnoseRepair', { fault: 'f', plan: 'p', warranty: 'out' })).thenMatches([{ data: { free: false } }]);
    });

    it('should stop the on-site visit clock at the visit', () => {
      spec.given(paths.visit_scheduled).when(anyCommand.DiagnoseRepair).thenMatches([{ data: { visitedAt: T1, byTechCentre: false } }]);
    });

    it('should record the technical centre diagnosing an escalated repair', () => {
      spec.given(paths.escalated).when(anyCommand.DiagnoseRepair).thenMatches([{ data: { byTechCentre: true } }]);
    });

    it.each([
      ['fault', { fault: ' ', plan: 'p' }],
      ['plan', { fault: 'f', plan: '' }],
    ])('should refuse a blank %s', (_f, fields) => {
      spec.given(paths.item_received).when(cmd('DiagnoseRepair', fields)).thenThrows(DomainError, 'FIELD_REQUIRED');
    });

    it('should escalate a difficult problem to the technical centre', () => {
      spec.given(paths.diagnosed).when(anyCommand.EscalateRepair).then([{ type: 'RepairEscalated', data: { reason: 'board fault', to: 'tech_centre', ...by() } }]);
      spec.given(paths.diagnosed).when(cmd('EscalateRepair', { reason: '' })).thenThrows(DomainError, 'FIELD_REQUIRED');
    });
  });

  describe('when a paid repair is quoted', () => {
    const diagnosedPaid = [paid, received, diagnosed(false)];

    it('should quote, and the customer accepts or declines', () => {
      spec.given(diagnosedPaid).when(cmd('QuoteRepair', { amount: 3000, paymentMethod: 'bank_transfer' })).then([
        { type: 'RepairQuoted', data: { amount: 3000, paymentMethod: 'bank_transfer', ...by() } },
      ]);
      spec.given(paths.quoted).when(anyCommand.AcceptQuote).then([{ type: 'RepairQuoteAccepted', data: { amount: 3000, ...by() } }]);
      spec.given(paths.quoted).when(cmd('AcceptQuote', { note: 'by phone' }, { id: 'm-1', role: 'customer' })).then([
        { type: 'RepairQuoteAccepted', data: { amount: 3000, note: 'by phone', at: T1, by: 'm-1' } },
      ]);
      spec.given(paths.quoted).when(cmd('DeclineQuote', { reason: 'too dear' })).then([{ type: 'RepairQuoteDeclined', data: { amount: 3000, reason: 'too dear', ...by() } }]);
    });

    it('should refuse a quote for a free repair', () => {
      spec.given(paths.diagnosed).when(anyCommand.QuoteRepair).thenThrows(DomainError, 'REPAIR_QUOTE_NOT_NEEDED');
    });

    it.each([0, -1, 10.5])('should refuse a quote of %p', (amount) => {
      spec.given(diagnosedPaid).when(cmd('QuoteRepair', { amount })).thenThrows(DomainError, 'INVALID_QUOTE_AMOUNT');
    });

    it('should refuse to start a paid repair before the quote is accepted (R79)', () => {
      spec.given(diagnosedPaid).when(anyCommand.StartRepair).thenThrows(DomainError, 'REPAIR_QUOTE_NOT_CONFIRMED');
    });

    it('should start once accepted and charge the quote at completion', () => {
      spec.given(paths.quote_accepted).when(anyCommand.StartRepair).then([started]);
      spec
        .given([...paths.quote_accepted, started, qcPassed, ready])
        .when(anyCommand.CompleteRepair)
        .thenMatches([{ type: 'RepairCompleted', data: { charged: 3000 } }, { type: 'RepairCallbackScheduled' }]);
    });
  });

  describe('when the repair is done', () => {
    it('should start a free repair straight after diagnosis', () => {
      spec.given(paths.diagnosed).when(anyCommand.StartRepair).then([started]);
      spec.given(paths.diagnosed).when(cmd('StartRepair', { note: 'bench 2' })).then([{ type: 'RepairStarted', data: { technicianId: tech.id, note: 'bench 2', ...by() } }]);
    });

    it('should pass QC, or send the item back to the bench', () => {
      spec.given(paths.repairing).when(anyCommand.RecordQc).then([qcPassed]);
      spec.given(paths.repairing).when(cmd('RecordQc', { passed: false, notes: 'stitching loose' })).then([
        { type: 'RepairQcRecorded', data: { passed: false, notes: 'stitching loose', ...by() } },
      ]);
    });

    it('should be ready for pickup, or shipped back with a waybill when mailed in', () => {
      spec.given(paths.qc_passed).when(anyCommand.MarkReady).then([ready]);
      spec
        .given([registered({ serviceMode: 'mail_in' }), received, diagnosed(), started, qcPassed])
        .when(cmd('MarkReady', { waybillNo: 'SF2' }))
        .then([{ type: 'RepairReturnShipped', data: { readyAt: T1, waybillNo: 'SF2', ...by() } }]);
    });

    it('should refuse to ship a mail-in repair back without a waybill', () => {
      spec
        .given([registered({ serviceMode: 'mail_in' }), received, diagnosed(), started, qcPassed])
        .when(anyCommand.MarkReady)
        .thenThrows(DomainError, 'RETURN_WAYBILL_REQUIRED');
    });
  });

  describe('when the repair completes', () => {
    it('should complete a ready repair and schedule the call-back', () => {
      spec.given(paths.ready).when(anyCommand.CompleteRepair).then(completed);
      spec.given(paths.return_shipped).when(anyCommand.CompleteRepair).thenMatches([{ type: 'RepairCompleted' }, { type: 'RepairCallbackScheduled' }]);
    });

    it('should notify a dealer or property-manager reporter (R72)', () => {
      spec
        .given([registered({ reportedBy: 'dealer' }), received, diagnosed(), started, qcPassed, ready])
        .when(anyCommand.CompleteRepair)
        .thenMatches([{ data: { reportedBy: 'dealer', notifyReporter: true } }, { type: 'RepairCallbackScheduled' }]);
    });

    it('should complete an on-site repair right after QC', () => {
      spec
        .given([onSite, visit, diagnosed(), started, qcPassed])
        .when(anyCommand.CompleteRepair)
        .thenMatches([{ type: 'RepairCompleted' }, { type: 'RepairCallbackScheduled' }]);
    });

    it('should refuse to complete a workshop repair before it is ready', () => {
      spec.given(paths.qc_passed).when(anyCommand.CompleteRepair).thenThrows(DomainError, 'REPAIR_NOT_READY');
    });

    it('should close after the call-back', () => {
      spec.given(paths.callback_pending).when(cmd('CloseRepair', { satisfaction: 4 })).then([{ type: 'RepairClosed', data: { satisfaction: 4, ...by() } }]);
      spec.given(paths.callback_pending).when(cmd('CloseRepair', { satisfaction: 9 })).thenThrows(DomainError, 'INVALID_SATISFACTION');
    });

    it('should cancel before the work starts', () => {
      spec.given(paths.item_received).when(cmd('CancelRepair', { reason: 'found receipt' }, staff)).then([
        { type: 'RepairCancelled', data: { reason: 'found receipt', ...by(staff) } },
      ]);
    });
  });

  describe('when the turnaround timer fires', () => {
    const breach = (now: string, dueAt = DUE_12, clock: 'visit' | 'turnaround' = 'turnaround') => cmd('RecordRepairBreach', { clock, dueAt }, timer, now);

    it('should record the breach at the due instant', () => {
      spec.given(paths.repairing).when(breach(DUE_12)).then([{ type: 'RepairDeadlineBreached', data: { clock: 'turnaround', dueAt: DUE_12, at: DUE_12, by: timer.id } }]);
    });

    it('should record a missed on-site visit', () => {
      spec.given(paths.visit_scheduled).when(breach('2026-06-04T02:00:00.000Z', '2026-06-04T02:00:00.000Z', 'visit')).thenMatches([{ data: { clock: 'visit' } }]);
    });

    it.each([
      ['before the due instant', paths.repairing, breach('2026-06-08T00:00:00.000Z')],
      ['once already breached', [...paths.repairing, { type: 'RepairDeadlineBreached', data: { clock: 'turnaround', dueAt: DUE_12, at: DUE_12, by: timer.id } } as RepairEvent], breach(DUE_12)],
      ['for a repair ready in time', paths.ready, breach(DUE_12)],
      ['for another due instant', paths.repairing, breach(DUE_12, '2026-06-10T00:00:00.000Z')],
      ['for another clock', paths.repairing, breach(DUE_12, DUE_12, 'visit')],
      ['for a repair with no clock yet', paths.registered, breach(DUE_12)],
      ['after a visit made in time', [onSite, visit, { type: 'RepairDiagnosed', data: { fault: 'f', plan: 'p', free: true, visitedAt: T1, byTechCentre: false, ...by() } } as RepairEvent], breach('2026-06-04T02:00:00.000Z', '2026-06-04T02:00:00.000Z', 'visit')],
      ['for a cancelled repair', [registered(), received, { type: 'RepairCancelled', data: by(staff) } as RepairEvent], breach(DUE_12)],
    ])('should do nothing %s', (_name, given, command) => {
      spec.given(given).when(command).thenNothingHappens();
    });
  });
});
