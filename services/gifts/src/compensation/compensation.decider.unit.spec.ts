import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { CompensationCommand } from './compensation.commands.js';
import { compensationDecider, compensationStreamId } from './compensation.decider.js';
import type { CompensationEvent } from './compensation.events.js';

const spec = DeciderSpecification(compensationDecider);
const T = '2026-01-05T08:00:00.000Z';
const consumer: GiftsActor = { id: 'system:compensation', role: 'system' };
const staff: GiftsActor = { id: 'staff-7', role: 'store_staff' };
const grant = (solutionNo = 1, sku: string | null = 'G-1'): CompensationCommand => ({
  type: 'RecordCompensationGrant',
  complaintId: 'c-1',
  solutionNo,
  storeId: 's-1',
  memberId: 'm-1',
  ...(sku ? { sku } : {}),
  quantity: 1,
  grantedAt: T,
  now: T,
  actor: consumer,
});
const granted = (solutionNo = 1, sku: string | null = 'G-1'): CompensationEvent => ({
  type: 'CompensationGranted',
  data: { complaintId: 'c-1', solutionNo, storeId: 's-1', memberId: 'm-1', ...(sku ? { sku } : {}), quantity: 1, grantedAt: T, at: T, by: consumer.id },
});
const fulfil = (sku = 'G-1', quantity = 1, issuanceId = 'i-1'): CompensationCommand => ({
  type: 'FulfilCompensation',
  complaintId: 'c-1',
  issuanceId,
  sku,
  quantity,
  now: T,
  actor: staff,
});
const fulfilled = (solutionNo = 1, allFulfilled = true, issuanceId = 'i-1'): CompensationEvent => ({
  type: 'CompensationFulfilled',
  data: { solutionNo, issuanceId, sku: 'G-1', quantity: 1, allFulfilled, at: T, by: staff.id },
});

describe('Compensation', () => {
  it('should keep one stream per complaint', () => expect(compensationStreamId('c-1')).toBe('gift-compensation-c-1'));

  describe('when a grant arrives from complaints', () => {
    it('should open the complaint account', () => spec.given([]).when(grant()).then([granted()]));
    it('should add a later grant', () => spec.given([granted()]).when(grant(2)).then([granted(2)]));
    it('should change nothing on redelivery', () => spec.given([granted()]).when(grant()).thenNothingHappens());
    it('should refuse a quantity of 0', () => {
      spec.given([]).when({ ...grant(), quantity: 0 } as CompensationCommand).thenThrows(DomainError, 'COMPENSATION_QUANTITY_INVALID');
    });
  });

  describe('when a store issues against it', () => {
    it('should fulfil the matching grant', () => spec.given([granted()]).when(fulfil()).then([fulfilled()]));

    it('should stay pending while another grant is open', () => {
      spec.given([granted(), granted(2)]).when(fulfil()).then([fulfilled(1, false)]);
    });

    it('should match a grant that left the gift to the store', () => {
      spec.given([granted(1, null)]).when(fulfil('G-7')).then([{ ...fulfilled(), data: { ...fulfilled().data, sku: 'G-7' } } as CompensationEvent]);
    });

    it.each<[string, CompensationEvent[], CompensationCommand]>([
      ['no grant at all', [], fulfil()],
      ['another gift', [granted()], fulfil('G-2')],
      ['more than granted', [granted()], fulfil('G-1', 2)],
      ['a grant already honoured', [granted(), fulfilled()], fulfil('G-1', 1, 'i-2')],
    ])('should refuse %s', (_case, given, command) => {
      spec.given(given).when(command).thenThrows(DomainError, 'COMPENSATION_NOT_GRANTED');
    });
  });

  describe('when the issuance is reversed', () => {
    const reopen = (issuanceId: string): CompensationCommand => ({ type: 'ReopenCompensation', complaintId: 'c-1', issuanceId, now: T, actor: staff });

    it('should open the grant again', () => {
      const reopened: CompensationEvent = { type: 'CompensationReopened', data: { solutionNo: 1, issuanceId: 'i-1', at: T, by: staff.id } };
      spec.given([granted(), fulfilled()]).when(reopen('i-1')).then([reopened]);
      spec.given([granted(), fulfilled(), reopened]).when(fulfil('G-1', 1, 'i-2')).then([fulfilled(1, true, 'i-2')]);
    });

    it('should ignore an issuance it does not know', () => {
      spec.given([granted(), fulfilled()]).when(reopen('i-9')).thenNothingHappens();
      spec.given([]).when(reopen('i-9')).thenNothingHappens();
    });

    it('should fold the grants and status', () => {
      expect([granted(), granted(2), fulfilled(1, false)].reduce(compensationDecider.evolve, compensationDecider.initialState())).toMatchObject({
        status: 'pending',
        complaintId: 'c-1',
        grants: [{ solutionNo: 1, issuanceId: 'i-1' }, { solutionNo: 2 }],
      });
    });
  });
});
