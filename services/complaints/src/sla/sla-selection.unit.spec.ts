import { DEFAULT_SLA_POLICIES, computeSlaClocks } from './sla-policy.js';
import { chooseSlaPolicy, deriveSlaPolicyId, policyForChannel, type SlaSelectionConfig } from './sla-selection.js';
import { workingCalendar } from './working-calendar.js';

const config: SlaSelectionConfig = { onlineStoreIds: ['S-ONLINE'], storePolicies: { 'S-PINNED': 'vip' }, emailReplyHours: 24 };
const T0 = '2026-01-05T01:00:00.000Z';

describe('SLA policy selection (R3)', () => {
  describe('when deriving the policy', () => {
    it('should give the online store the e-commerce policy and any other store the chain policy', () => {
      expect(deriveSlaPolicyId('S-ONLINE', config)).toBe('ecommerce');
      expect(deriveSlaPolicyId('S001', config)).toBe('chain');
    });

    it('should follow a store pinned by configuration', () => {
      expect(deriveSlaPolicyId('S-PINNED', config)).toBe('vip');
    });
  });

  describe('when the complaint came by e-mail', () => {
    it('should give it a 24 h first reply under the e-commerce policy, and keep the resolution clock', () => {
      const clocks = computeSlaClocks(policyForChannel(DEFAULT_SLA_POLICIES.ecommerce, 'email', config), workingCalendar(), T0);
      const plain = computeSlaClocks(DEFAULT_SLA_POLICIES.ecommerce, workingCalendar(), T0);
      expect(clocks.firstResponseDueAt).toBe('2026-01-06T01:00:00.000Z');
      expect(clocks.resolutionDueAt).toBe(plain.resolutionDueAt);
      expect(plain.firstResponseDueAt).toBe('2026-01-07T01:00:00.000Z');
    });

    it('should leave other channels on the policy', () => {
      expect(policyForChannel(DEFAULT_SLA_POLICIES.ecommerce, 'phone', config)).toBe(DEFAULT_SLA_POLICIES.ecommerce);
    });
  });

  describe('when a caller sends a policy', () => {
    it('should take the derived policy when none is sent, or the same one is', () => {
      expect(chooseSlaPolicy({ storeId: 'S-ONLINE', role: 'store_staff' }, config)).toEqual({ ok: true, policyId: 'ecommerce' });
      expect(chooseSlaPolicy({ storeId: 'S001', role: 'store_staff', requested: 'chain' }, config)).toEqual({ ok: true, policyId: 'chain' });
    });

    it('should refuse a store role sending another policy', () => {
      expect(chooseSlaPolicy({ storeId: 'S001', role: 'store_staff', requested: 'ecommerce' }, config)).toEqual({
        ok: false,
        derivedPolicyId: 'chain',
        requested: 'ecommerce',
      });
    });

    it('should let an HQ role override it and say what was derived', () => {
      expect(chooseSlaPolicy({ storeId: 'S001', role: 'hq_cs_manager', requested: 'ecommerce' }, config)).toEqual({
        ok: true,
        policyId: 'ecommerce',
        override: { derivedPolicyId: 'chain' },
      });
    });
  });
});
