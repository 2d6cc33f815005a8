import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { IssueGift } from './issuance.commands.js';
import { issuanceDecider } from './issuance.decider.js';
import type { IssuanceEvent } from './issuance.events.js';

const spec = DeciderSpecification(issuanceDecider);
const T = '2026-01-06T03:00:00.000Z';
const staff: GiftsActor = { id: 'staff-7', role: 'store_staff', storeId: 's-1' };
const issue = (fields: Partial<IssueGift> = {}): IssueGift => ({
  type: 'IssueGift',
  issuanceId: 'i-1',
  locationId: 's-1',
  sku: 'G-1',
  quantity: 1,
  reason: 'complaint_compensation',
  memberId: 'm-1',
  causeRef: 'c-1',
  now: T,
  actor: staff,
  ...fields,
});
const issued: IssuanceEvent = {
  type: 'GiftIssued',
  data: { issuanceId: 'i-1', locationId: 's-1', sku: 'G-1', quantity: 1, reason: 'complaint_compensation', memberId: 'm-1', causeRef: 'c-1', at: T, by: 'staff-7' },
};

describe('Issuance', () => {
  describe('when a gift is handed out', () => {
    it('should register who, what, why and where', () => {
      spec.given([]).when(issue()).then([issued]);
    });

    it('should register a walk-in customer for a purchase promotion with its receipt', () => {
      spec
        .given([])
        .when(issue({ memberId: undefined, customer: { name: 'Wang', mobile: '13812341234' }, reason: 'purchase_promotion', causeRef: 'POS-88812' }))
        .then([
          {
            type: 'GiftIssued',
            data: { issuanceId: 'i-1', locationId: 's-1', sku: 'G-1', quantity: 1, reason: 'purchase_promotion', customer: { name: 'Wang', mobile: '13812341234' }, causeRef: 'POS-88812', at: T, by: 'staff-7' },
          },
        ]);
    });

    it.each<[string, Partial<IssueGift>]>([
      ['ISSUANCE_QUANTITY_INVALID', { quantity: 0 }],
      ['ISSUANCE_RECIPIENT_REQUIRED', { memberId: undefined }],
      ['ISSUANCE_RECIPIENT_REQUIRED', { memberId: ' ', customer: { name: 'Wang', mobile: '' } }],
      ['ISSUANCE_CAUSE_REQUIRED', { causeRef: undefined }],
      ['ISSUANCE_CAUSE_REQUIRED', { reason: 'purchase_promotion', causeRef: ' ' }],
      ['ISSUANCE_CAUSE_REQUIRED', { reason: 'points_redemption', causeRef: undefined }],
      ['ISSUANCE_MEMBER_REQUIRED', { reason: 'birthday', memberId: undefined, customer: { name: 'Wang', mobile: '13812341234' } }],
      ['ISSUANCE_MEMBER_REQUIRED', { reason: 'points_redemption', memberId: undefined, customer: { name: 'Wang', mobile: '13812341234' } }],
      ['ISSUANCE_ENTITLEMENT_REQUIRED', { reason: 'ranking_voucher' }],
    ])('should refuse with %s', (code, fields) => {
      spec.given([]).when(issue(fields)).thenThrows(DomainError, code);
    });

    it('should refuse the same issuance id twice', () => {
      spec.given([issued]).when(issue()).thenThrows(DomainError, 'ISSUANCE_ALREADY_EXISTS');
    });
  });

  describe('when reversed', () => {
    const reversed: IssuanceEvent = { type: 'GiftIssuanceReversed', data: { reason: 'Returned with the jacket', at: T, by: 'staff-7' } };

    it('should reverse an issued gift once', () => {
      spec.given([issued]).when({ type: 'ReverseIssuance', issuanceId: 'i-1', reason: 'Returned with the jacket', now: T, actor: staff }).then([reversed]);
      spec
        .given([issued, reversed])
        .when({ type: 'ReverseIssuance', issuanceId: 'i-1', reason: 'again', now: T, actor: staff })
        .thenThrows(DomainError, 'ISSUANCE_INVALID_TRANSITION');
    });

    it('should refuse without a reason or for an unknown issuance', () => {
      spec.given([issued]).when({ type: 'ReverseIssuance', issuanceId: 'i-1', reason: '', now: T, actor: staff }).thenThrows(DomainError, 'ISSUANCE_REASON_REQUIRED');
      spec.given([]).when({ type: 'ReverseIssuance', issuanceId: 'i-1', reason: 'x', now: T, actor: staff }).thenThrows(DomainError, 'ISSUANCE_NOT_FOUND');
    });

    it('should keep the register line in the state', () => {
      const state = [issued, reversed].reduce(issuanceDecider.evolve, issuanceDecider.initialState());
      expect(state).toMatchObject({ status: 'reversed', locationId: 's-1', quantity: 1, issuedBy: 'staff-7', issuedAt: T });
    });
  });

  describe('when a points redemption cannot be issued', () => {
    const refuse = {
      type: 'RefuseIssuance' as const,
      issuanceId: 'redemption-r-1',
      locationId: 's-1',
      sku: 'G-1',
      quantity: 2,
      reason: 'points_redemption' as const,
      memberId: 'm-1',
      causeRef: 'r-1',
      refusal: 'out_of_stock' as const,
      now: T,
      actor: staff,
    };
    const refused: IssuanceEvent = {
      type: 'GiftIssuanceRefused',
      data: { issuanceId: 'redemption-r-1', locationId: 's-1', sku: 'G-1', quantity: 2, reason: 'points_redemption', memberId: 'm-1', causeRef: 'r-1', refusal: 'out_of_stock', at: T, by: 'staff-7' },
    };

    it('should record the refusal once, under the id the issuance would have had', () => {
      spec.given([]).when(refuse).then([refused]);
      spec.given([refused]).when(refuse).thenThrows(DomainError, 'ISSUANCE_ALREADY_EXISTS');
      spec.given([refused]).when(issue({ issuanceId: 'redemption-r-1' })).thenThrows(DomainError, 'ISSUANCE_ALREADY_EXISTS');
    });

    it('should never reverse a refusal', () => {
      spec.given([refused]).when({ type: 'ReverseIssuance', issuanceId: 'redemption-r-1', reason: 'x', now: T, actor: staff }).thenThrows(DomainError, 'ISSUANCE_INVALID_TRANSITION');
    });
  });
});
