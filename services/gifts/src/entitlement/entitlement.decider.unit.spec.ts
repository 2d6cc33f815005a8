import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { EntitlementCommand, IssueEntitlement } from './entitlement.commands.js';
import { entitlementDecider } from './entitlement.decider.js';
import type { EntitlementEvent } from './entitlement.events.js';

const spec = DeciderSpecification(entitlementDecider);
const FROM = '2026-01-05T00:00:00.000Z';
const MID = '2026-01-20T00:00:00.000Z';
const UNTIL = '2026-02-04T00:00:00.000Z';
const system: GiftsActor = { id: 'system:compensation', role: 'system' };
const staff: GiftsActor = { id: 'staff-7', role: 'store_staff', storeId: 's-1' };
const CODE = 'GV-7K3M9Q2P';
const issue: IssueEntitlement = {
  type: 'IssueEntitlement',
  code: CODE,
  kind: 'voucher',
  source: 'complaint_compensation',
  sourceRef: 'c-1',
  memberId: 'm-1',
  sku: 'G-1',
  validFrom: FROM,
  validUntil: UNTIL,
  now: FROM,
  actor: system,
};
const issued: EntitlementEvent = {
  type: 'EntitlementIssued',
  data: { code: CODE, kind: 'voucher', source: 'complaint_compensation', sourceRef: 'c-1', memberId: 'm-1', sku: 'G-1', validFrom: FROM, validUntil: UNTIL, at: FROM, by: system.id },
};
const redeem = (fields: Partial<Extract<EntitlementCommand, { type: 'RedeemEntitlement' }>> = {}): EntitlementCommand => ({
  type: 'RedeemEntitlement',
  code: CODE,
  storeId: 's-1',
  issuanceId: 'i-1',
  sku: 'G-1',
  memberId: 'm-1',
  now: MID,
  actor: staff,
  ...fields,
});
const redeemed: EntitlementEvent = { type: 'EntitlementRedeemed', data: { storeId: 's-1', issuanceId: 'i-1', sku: 'G-1', at: MID, by: staff.id } };

describe('Entitlement', () => {
  describe('when issued', () => {
    it('should record the code, kind and validity', () => spec.given([]).when(issue).then([issued]));
    it('should refuse an existing code', () => spec.given([issued]).when(issue).thenThrows(DomainError, 'ENTITLEMENT_ALREADY_EXISTS'));
    it('should refuse a validity that ends before it starts', () => {
      spec.given([]).when({ ...issue, validUntil: FROM }).thenThrows(DomainError, 'ENTITLEMENT_VALIDITY_INVALID');
    });
  });

  describe('when redeemed at a store', () => {
    it('should redeem within the validity', () => spec.given([issued]).when(redeem()).then([redeemed]));

    it('should redeem only once', () => spec.given([issued, redeemed]).when(redeem({ issuanceId: 'i-2' })).thenThrows(DomainError, 'ENTITLEMENT_INVALID_TRANSITION'));

    it.each<[string, Partial<Extract<EntitlementCommand, { type: 'RedeemEntitlement' }>>]>([
      ['ENTITLEMENT_NOT_YET_VALID', { now: '2026-01-04T23:59:59.000Z' }],
      ['ENTITLEMENT_EXPIRED', { now: UNTIL }],
      ['ENTITLEMENT_GIFT_MISMATCH', { sku: 'G-2' }],
      ['ENTITLEMENT_MEMBER_MISMATCH', { memberId: 'm-2' }],
    ])('should refuse with %s', (code, fields) => spec.given([issued]).when(redeem(fields)).thenThrows(DomainError, code));

    it('should refuse an unknown code', () => spec.given([]).when(redeem()).thenThrows(DomainError, 'ENTITLEMENT_NOT_FOUND'));

    it('should refuse a voided or expired entitlement', () => {
      spec.given([issued, { type: 'EntitlementVoided', data: { reason: 'Reported lost', at: MID, by: 'mgr-1' } }]).when(redeem()).thenThrows(DomainError, 'ENTITLEMENT_INVALID_TRANSITION');
      spec.given([issued, { type: 'EntitlementExpired', data: { at: UNTIL, by: 'system' } }]).when(redeem()).thenThrows(DomainError, 'ENTITLEMENT_INVALID_TRANSITION');
    });
  });

  describe('when the expiry timer fires', () => {
    const expire = (now: string): EntitlementCommand => ({ type: 'ExpireEntitlement', code: CODE, now, actor: system });

    it('should expire an unredeemed entitlement at its end', () => {
      spec.given([issued]).when(expire(UNTIL)).then([{ type: 'EntitlementExpired', data: { at: UNTIL, by: system.id } }]);
    });

    it('should do nothing early or after redemption', () => {
      spec.given([issued]).when(expire(MID)).thenNothingHappens();
      spec.given([issued, redeemed]).when(expire(UNTIL)).thenNothingHappens();
    });
  });

  describe('when voided', () => {
    it('should void with a reason', () => {
      spec.given([issued]).when({ type: 'VoidEntitlement', code: CODE, reason: 'Reported lost', now: MID, actor: staff }).then([
        { type: 'EntitlementVoided', data: { reason: 'Reported lost', at: MID, by: staff.id } },
      ]);
      spec.given([issued]).when({ type: 'VoidEntitlement', code: CODE, reason: '', now: MID, actor: staff }).thenThrows(DomainError, 'ENTITLEMENT_REASON_REQUIRED');
      spec.given([issued, redeemed]).when({ type: 'VoidEntitlement', code: CODE, reason: 'x', now: MID, actor: staff }).thenThrows(DomainError, 'ENTITLEMENT_INVALID_TRANSITION');
    });

    it('should fold the redemption into the state', () => {
      expect([issued, redeemed].reduce(entitlementDecider.evolve, entitlementDecider.initialState())).toMatchObject({
        status: 'redeemed',
        redeemedStoreId: 's-1',
        issuanceId: 'i-1',
        issuedAt: FROM,
      });
    });
  });
});
