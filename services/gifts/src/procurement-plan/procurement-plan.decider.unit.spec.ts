import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { ProcurementPlanCommand } from './procurement-plan.commands.js';
import { procurementPlanDecider } from './procurement-plan.decider.js';
import type { ProcurementPlanEvent } from './procurement-plan.events.js';

const spec = DeciderSpecification(procurementPlanDecider);
const T = '2026-01-05T02:00:00.000Z';
const manager: GiftsActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const gm: GiftsActor = { id: 'gm-1', role: 'general_manager' };
const warehouse: GiftsActor = { id: 'wh-1', role: 'warehouse' };
const ID = 'p-1';
const lines = [
  { sku: 'G-1', quantity: 100, estimatedUnitCost: 3500, basis: 'Birthdays in February' },
  { sku: 'G-2', quantity: 20 },
];

function cmd<T extends ProcurementPlanCommand['type']>(
  type: T,
  fields: Omit<Extract<ProcurementPlanCommand, { type: T }>, 'type' | 'planId' | 'now' | 'actor'>,
  actor: GiftsActor = manager,
): ProcurementPlanCommand {
  return { type, planId: ID, now: T, actor, ...fields } as ProcurementPlanCommand;
}
const by = (actor: GiftsActor) => ({ at: T, by: actor.id });

const created: ProcurementPlanEvent = { type: 'ProcurementPlanCreated', data: { planId: ID, period: '2026-02', lines, ...by(manager) } };
const submitted: ProcurementPlanEvent = { type: 'ProcurementPlanSubmitted', data: by(manager) };
const approved: ProcurementPlanEvent = { type: 'ProcurementPlanApproved', data: { comment: 'OK', ...by(gm) } };
const rejected: ProcurementPlanEvent = { type: 'ProcurementPlanRejected', data: { reason: 'Too many scarves', ...by(gm) } };
const ordered: ProcurementPlanEvent = { type: 'ProcurementPlanOrdered', data: { purchaseOrderRef: 'PO-1', ...by(warehouse) } };
const partly: ProcurementPlanEvent = { type: 'ProcurementGoodsReceived', data: { lines: [{ sku: 'G-1', quantity: 60 }], complete: false, ...by(warehouse) } };

describe('ProcurementPlan', () => {
  describe('when drafted', () => {
    it('should record the plan as a draft', () => {
      spec.given([]).when(cmd('CreateProcurementPlan', { period: '2026-02', lines })).then([created]);
    });

    it('should refuse an existing plan id', () => {
      spec.given([created]).when(cmd('CreateProcurementPlan', { period: '2026-02', lines })).thenThrows(DomainError, 'PROCUREMENT_PLAN_ALREADY_EXISTS');
    });

    it.each([
      ['PROCUREMENT_PLAN_LINES_REQUIRED', []],
      ['PROCUREMENT_PLAN_DUPLICATE_LINE', [{ sku: 'G-1', quantity: 1 }, { sku: 'G-1', quantity: 2 }]],
      ['PROCUREMENT_PLAN_QUANTITY_INVALID', [{ sku: 'G-1', quantity: 0 }]],
    ])('should refuse with %s', (code, bad) => {
      spec.given([]).when(cmd('CreateProcurementPlan', { period: '2026-02', lines: bad })).thenThrows(DomainError, code);
    });

    it('should refuse any action on an unknown plan', () => {
      spec.given([]).when(cmd('SubmitProcurementPlan', {})).thenThrows(DomainError, 'PROCUREMENT_PLAN_NOT_FOUND');
    });
  });

  describe('when submitted and decided by the general manager', () => {
    it('should submit a draft', () => spec.given([created]).when(cmd('SubmitProcurementPlan', {})).then([submitted]));

    it('should approve a submitted plan', () => {
      spec.given([created, submitted]).when(cmd('ApproveProcurementPlan', { comment: 'OK' }, gm)).then([approved]);
    });

    it('should reject with a reason', () => {
      spec.given([created, submitted]).when(cmd('RejectProcurementPlan', { reason: 'Too many scarves' }, gm)).then([rejected]);
      spec.given([created, submitted]).when(cmd('RejectProcurementPlan', { reason: ' ' }, gm)).thenThrows(DomainError, 'PROCUREMENT_PLAN_TEXT_REQUIRED');
    });

    it('should refuse approving a draft that was never submitted', () => {
      spec.given([created]).when(cmd('ApproveProcurementPlan', {}, gm)).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
    });

    it('should refuse submitting twice', () => {
      spec.given([created, submitted]).when(cmd('SubmitProcurementPlan', {})).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
    });

    it('should refuse rejecting an approved plan', () => {
      spec.given([created, submitted, approved]).when(cmd('RejectProcurementPlan', { reason: 'late' }, gm)).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
    });
  });

  describe('when rejected and revised', () => {
    it('should take new lines back to draft, then resubmit', () => {
      const revised: ProcurementPlanEvent = { type: 'ProcurementPlanRevised', data: { period: '2026-02', lines: [{ sku: 'G-1', quantity: 50 }], ...by(manager) } };
      spec.given([created, submitted, rejected]).when(cmd('ReviseProcurementPlan', { lines: [{ sku: 'G-1', quantity: 50 }] })).then([revised]);
      spec.given([created, submitted, rejected, revised]).when(cmd('SubmitProcurementPlan', {})).then([submitted]);
    });

    it('should refuse revising a submitted plan', () => {
      spec.given([created, submitted]).when(cmd('ReviseProcurementPlan', { lines })).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
    });

    it('should refuse submitting a rejected plan without revising it', () => {
      spec.given([created, submitted, rejected]).when(cmd('SubmitProcurementPlan', {})).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
    });
  });

  describe('when ordered and received', () => {
    it('should record the purchase order', () => {
      spec.given([created, submitted, approved]).when(cmd('OrderProcurementPlan', { purchaseOrderRef: 'PO-1' }, warehouse)).then([ordered]);
      spec.given([created, submitted, approved]).when(cmd('OrderProcurementPlan', { purchaseOrderRef: '' }, warehouse)).thenThrows(DomainError, 'PROCUREMENT_PLAN_TEXT_REQUIRED');
    });

    it('should refuse receiving before approval', () => {
      spec.given([created, submitted]).when(cmd('ReceiveProcurementGoods', { lines: [{ sku: 'G-1', quantity: 1 }] }, warehouse)).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
    });

    it('should receive part, then the rest', () => {
      spec.given([created, submitted, approved, ordered]).when(cmd('ReceiveProcurementGoods', { lines: [{ sku: 'G-1', quantity: 60 }] }, warehouse)).then([partly]);
      spec
        .given([created, submitted, approved, ordered, partly])
        .when(cmd('ReceiveProcurementGoods', { lines: [{ sku: 'G-1', quantity: 40 }, { sku: 'G-2', quantity: 20 }] }, warehouse))
        .then([{ type: 'ProcurementGoodsReceived', data: { lines: [{ sku: 'G-1', quantity: 40 }, { sku: 'G-2', quantity: 20 }], complete: true, ...by(warehouse) } }]);
    });

    it('should receive straight after approval when no order was recorded', () => {
      spec
        .given([created, submitted, approved])
        .when(cmd('ReceiveProcurementGoods', { lines: [{ sku: 'G-1', quantity: 100 }, { sku: 'G-2', quantity: 20 }] }, warehouse))
        .thenMatches([{ type: 'ProcurementGoodsReceived', data: { complete: true } }]);
    });

    it.each([
      ['PROCUREMENT_PLAN_RECEIPT_EXCEEDS_PLAN', [{ sku: 'G-1', quantity: 41 }]],
      ['PROCUREMENT_PLAN_LINE_UNKNOWN', [{ sku: 'G-9', quantity: 1 }]],
      ['PROCUREMENT_PLAN_QUANTITY_INVALID', [{ sku: 'G-2', quantity: -1 }]],
      ['PROCUREMENT_PLAN_DUPLICATE_LINE', [{ sku: 'G-2', quantity: 1 }, { sku: 'G-2', quantity: 1 }]],
      ['PROCUREMENT_PLAN_LINES_REQUIRED', []],
    ])('should refuse a receipt with %s', (code, bad) => {
      spec.given([created, submitted, approved, ordered, partly]).when(cmd('ReceiveProcurementGoods', { lines: bad }, warehouse)).thenThrows(DomainError, code);
    });

    it('should refuse anything once fully received', () => {
      const done: ProcurementPlanEvent = { type: 'ProcurementGoodsReceived', data: { lines: [{ sku: 'G-1', quantity: 40 }, { sku: 'G-2', quantity: 20 }], complete: true, ...by(warehouse) } };
      spec.given([created, submitted, approved, ordered, partly, done]).when(cmd('ReceiveProcurementGoods', { lines: [{ sku: 'G-1', quantity: 1 }] }, warehouse)).thenThrows(DomainError, 'PROCUREMENT_PLAN_INVALID_TRANSITION');
      const state = [created, submitted, approved, ordered, partly, done].reduce(procurementPlanDecider.evolve, procurementPlanDecider.initialState());
      expect(state).toMatchObject({ status: 'received', received: { 'G-1': 100, 'G-2': 20 }, purchaseOrderRef: 'PO-1', approval: { by: 'gm-1', decision: 'approved' } });
    });
  });
});
