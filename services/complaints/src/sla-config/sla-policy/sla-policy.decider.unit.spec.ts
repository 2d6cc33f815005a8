import { DomainError, fold } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import { SLA_CONFIG_ROLES as ORG_SLA_CONFIG_ROLES } from '@cs/org';
import { SLA_CONFIG_ROLES, type ConfigActor } from '../sla-config.values.js';
import type { DefineSlaPolicy } from './sla-policy.commands.js';
import { slaPolicyDecider, slaPolicyStreamId } from './sla-policy.decider.js';
import type { SlaPolicyDefined } from './sla-policy.events.js';

const spec = DeciderSpecification(slaPolicyDecider);
const T0 = '2026-06-01T01:00:00.000Z';
const T1 = '2026-06-02T01:00:00.000Z';
const manager: ConfigActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const admin: ConfigActor = { id: 'root-1', role: 'admin' };

function define(overrides: Partial<DefineSlaPolicy> = {}): DefineSlaPolicy {
  return {
    type: 'DefineSlaPolicy',
    policyId: 'chain',
    firstResponse: { hours: 12 },
    resolution: { hours: 48 },
    warningRatio: 0.8,
    now: T1,
    actor: manager,
    ...overrides,
  };
}

const defined = (data: Partial<SlaPolicyDefined['data']> = {}): SlaPolicyDefined => ({
  type: 'SlaPolicyDefined',
  data: { policyId: 'chain', firstResponse: { hours: 12 }, resolution: { hours: 48 }, warningRatio: 0.8, at: T1, by: manager.id, ...data },
});

describe('SlaPolicy', () => {
  it('should keep one stream per policy id', () => {
    expect(slaPolicyStreamId('chain')).toBe('sla-policy-chain');
  });

  describe('when a manager defines a policy for the first time', () => {
    it('should record the definition with the instant and the actor', () => {
      spec.given([]).when(define()).then([defined()]);
    });

    it('should default the warning ratio to 0.8', () => {
      spec.given([]).when(define({ warningRatio: undefined })).then([defined()]);
    });

    it('should accept working days for the resolution and let an admin define it', () => {
      spec
        .given([])
        .when(define({ policyId: 'ecommerce', resolution: { workingDays: 5 }, warningRatio: 0.5, actor: admin }))
        .then([defined({ policyId: 'ecommerce', resolution: { workingDays: 5 }, warningRatio: 0.5, by: admin.id })]);
    });

    it('should accept the bounds: 24*60 hours and 60 working days', () => {
      spec
        .given([])
        .when(define({ firstResponse: { hours: 1440 }, resolution: { workingDays: 60 } }))
        .then([defined({ firstResponse: { hours: 1440 }, resolution: { workingDays: 60 } })]);
    });
  });

  describe('when the policy is redefined', () => {
    it('should record the new definition', () => {
      spec
        .given([defined({ at: T0 })])
        .when(define({ firstResponse: { hours: 6 } }))
        .then([defined({ firstResponse: { hours: 6 } })]);
    });

    it('should do nothing when the definition is identical to the current one', () => {
      spec.given([defined({ at: T0 })]).when(define()).thenNothingHappens();
      spec.given([defined({ at: T0 })]).when(define({ warningRatio: undefined, actor: admin })).thenNothingHappens();
    });

    it('should not treat hours and the same number of working days as identical', () => {
      spec
        .given([defined({ resolution: { hours: 5 } })])
        .when(define({ resolution: { workingDays: 5 } }))
        .then([defined({ resolution: { workingDays: 5 } })]);
    });

    it('should compare with the latest definition, not the first', () => {
      spec
        .given([defined({ firstResponse: { hours: 24 } }), defined({ firstResponse: { hours: 12 } })])
        .when(define({ firstResponse: { hours: 24 } }))
        .then([defined({ firstResponse: { hours: 24 } })]);
    });
  });

  describe('when the caller may not change SLA configuration', () => {
    it('should hold the roles the organisation lists (the domain cannot import @cs/org)', () => {
      expect([...SLA_CONFIG_ROLES]).toEqual([...ORG_SLA_CONFIG_ROLES]);
    });

    it.each(['hq_cs_agent', 'store_manager', 'general_manager', 'customer'])('should refuse a %s as forbidden', (role) => {
      let error: unknown;
      try {
        slaPolicyDecider.decide(define({ actor: { id: 'x', role } }), slaPolicyDecider.initialState());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'SLA_CONFIG_FORBIDDEN', kind: 'forbidden' });
    });
  });

  describe('when the definition is out of bounds', () => {
    it.each<[string, Partial<DefineSlaPolicy>]>([
      ['zero first-response hours', { firstResponse: { hours: 0 } }],
      ['negative first-response hours', { firstResponse: { hours: -1 } }],
      ['first-response hours above 24*60', { firstResponse: { hours: 1440.5 } }],
      ['non-finite hours', { firstResponse: { hours: Number.POSITIVE_INFINITY } }],
      ['zero resolution hours', { resolution: { hours: 0 } }],
      ['zero working days', { resolution: { workingDays: 0 } }],
      ['61 working days', { resolution: { workingDays: 61 } }],
      ['fractional working days', { resolution: { workingDays: 2.5 } }],
      ['both hours and working days', { resolution: { hours: 48, workingDays: 5 } }],
      ['neither hours nor working days', { resolution: {} }],
    ])('should refuse %s', (_label, overrides) => {
      spec.given([]).when(define(overrides)).thenThrows(DomainError, 'INVALID_SLA_DURATION');
    });

    it.each([0, 1, -0.2, 1.2, Number.NaN])('should refuse a warning ratio of %p', (warningRatio) => {
      spec.given([]).when(define({ warningRatio })).thenThrows(DomainError, 'INVALID_SLA_WARNING_RATIO');
    });

    it.each(['', 'Chain', '9lives', 'a'.repeat(33), 'vip policy'])('should refuse the policy id %p', (policyId) => {
      spec.given([]).when(define({ policyId })).thenThrows(DomainError, 'INVALID_SLA_POLICY_ID');
    });

    it('should report a refused value as a rule error naming the field', () => {
      expect(() => slaPolicyDecider.decide(define({ resolution: { workingDays: 61 } }), slaPolicyDecider.initialState())).toThrow(
        expect.objectContaining({ kind: 'rule', details: { field: 'resolution.workingDays' } }),
      );
    });
  });

  describe('when folding', () => {
    it('should keep the latest definition with who defined it and when', () => {
      const state = fold(slaPolicyDecider, [defined({ at: T0, by: admin.id }), defined({ firstResponse: { hours: 6 } })]);
      expect(state).toEqual({
        status: 'defined',
        definition: { policyId: 'chain', firstResponse: { hours: 6 }, resolution: { hours: 48 }, warningRatio: 0.8 },
        definedAt: T1,
        definedBy: manager.id,
      });
    });

    it('should start without a definition', () => {
      expect(slaPolicyDecider.initialState()).toBeNull();
    });
  });
});
