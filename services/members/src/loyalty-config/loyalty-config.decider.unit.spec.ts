import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { DefineLoyaltyRules, LoyaltyConfigActor, ReviseLoyaltyRules } from './loyalty-config.commands.js';
import { loyaltyConfigDecider, loyaltyConfigStreamId, loyaltyRulesAsOf } from './loyalty-config.decider.js';
import { DEFAULT_LOYALTY_RULES } from './loyalty-config.defaults.js';
import type { LoyaltyRulesDefined, LoyaltyRulesRevised } from './loyalty-config.events.js';
import { evolveLoyaltyConfig } from './loyalty-config.evolve.js';
import type { LoyaltyRules } from './loyalty-config.values.js';

const spec = DeciderSpecification(loyaltyConfigDecider);
const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-03-01T00:00:00.000Z';
const manager: LoyaltyConfigActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const rules: LoyaltyRules = DEFAULT_LOYALTY_RULES;

const define = (overrides: Partial<LoyaltyRules> = {}, actor = manager): DefineLoyaltyRules => ({
  type: 'DefineLoyaltyRules',
  configId: 'default',
  rules: { ...rules, ...overrides },
  now: T0,
  actor,
});
const revise = (overrides: Partial<LoyaltyRules> = {}, note?: string): ReviseLoyaltyRules => ({
  type: 'ReviseLoyaltyRules',
  configId: 'default',
  rules: { ...rules, ...overrides },
  note,
  now: T1,
  actor: manager,
});
const defined = (r: LoyaltyRules = rules): LoyaltyRulesDefined => ({
  type: 'LoyaltyRulesDefined',
  data: { configId: 'default', rules: r, at: T0, by: manager.id },
});
const revised = (r: LoyaltyRules, note?: string): LoyaltyRulesRevised => ({
  type: 'LoyaltyRulesRevised',
  data: { configId: 'default', rules: r, ...(note ? { note } : {}), at: T1, by: manager.id },
});

describe('LoyaltyConfig', () => {
  it('should keep one stream per programme', () => {
    expect(loyaltyConfigStreamId('default')).toBe('loyalty-config-default');
  });

  describe('when HQ defines the rules for the first time', () => {
    it('should record them with the instant and the actor', () => {
      spec.given([]).when(define()).then([defined()]);
    });

    it('should let an admin define them', () => {
      spec.given([]).when(define({}, { id: 'root', role: 'admin' })).thenMatches([{ type: 'LoyaltyRulesDefined' }]);
    });

    it('should refuse a store role', () => {
      spec.given([]).when(define({}, { id: 's', role: 'store_staff' })).thenThrows(DomainError, 'LOYALTY_CONFIG_FORBIDDEN');
    });

    it('should refuse a second definition', () => {
      spec.given([defined()]).when(define()).thenThrows(DomainError, 'LOYALTY_CONFIG_ALREADY_EXISTS');
    });
  });

  describe('when HQ revises the rules', () => {
    it('should record the new rules with the note', () => {
      const next = { ...rules, vestingDays: 14 };
      spec.given([defined()]).when(revise({ vestingDays: 14 }, 'longer return window')).then([revised(next, 'longer return window')]);
    });

    it('should do nothing when nothing changed', () => {
      spec.given([defined()]).when(revise()).thenNothingHappens();
    });

    it('should refuse a revision before any definition', () => {
      spec.given([]).when(revise()).thenThrows(DomainError, 'LOYALTY_CONFIG_NOT_FOUND');
    });

    it('should number the revisions', () => {
      const state = [defined(), revised({ ...rules, rankingSize: 20 })].reduce(evolveLoyaltyConfig, null);
      expect(state).toMatchObject({ revision: 2, rules: { rankingSize: 20 } });
    });
  });

  describe('when the rules are invalid', () => {
    const tiers = rules.tiers;
    it.each<[string, Partial<LoyaltyRules>, string]>([
      ['no tier', { tiers: [] }, 'INVALID_LOYALTY_TIERS'],
      ['a first tier above 0', { tiers: [{ ...tiers[0], minNetSpend12m: 1 }] }, 'INVALID_LOYALTY_TIERS'],
      ['thresholds not rising', { tiers: [tiers[0], { ...tiers[1], minNetSpend12m: 0 }] }, 'INVALID_LOYALTY_TIERS'],
      ['a duplicate tier code', { tiers: [tiers[0], { ...tiers[1], code: 'standard' }] }, 'INVALID_LOYALTY_TIERS'],
      ['a bad tier code', { tiers: [{ ...tiers[0], code: 'Gold Tier' }] }, 'INVALID_LOYALTY_TIERS'],
      ['a blank tier name', { tiers: [{ ...tiers[0], name: ' ' }] }, 'INVALID_LOYALTY_TIERS'],
      ['a fractional threshold', { tiers: [tiers[0], { ...tiers[1], minNetSpend12m: 10.5 }] }, 'INVALID_LOYALTY_TIERS'],
      ['zero points per amount', { earnRate: { points: 0, perAmount: 100 } }, 'INVALID_LOYALTY_EARN_RATE'],
      ['a zero amount', { earnRate: { points: 1, perAmount: 0 } }, 'INVALID_LOYALTY_EARN_RATE'],
      ['negative vesting', { vestingDays: -1 }, 'INVALID_LOYALTY_PERIOD'],
      ['lots expiring before they vest', { vestingDays: 30, lotExpiryDays: 30 }, 'INVALID_LOYALTY_PERIOD'],
      ['no membership validity', { membershipValidityMonths: 0 }, 'INVALID_LOYALTY_PERIOD'],
      ['churn before at-risk', { atRiskAfterDays: 90, churnedAfterDays: 90 }, 'INVALID_LOYALTY_PERIOD'],
      ['a fractional birthday lead', { birthdayLeadDays: 1.5 }, 'INVALID_LOYALTY_PERIOD'],
      ['no redemption timeout', { redemptionTimeoutMinutes: 0 }, 'INVALID_LOYALTY_PERIOD'],
      ['an empty ranking', { rankingSize: 0 }, 'INVALID_LOYALTY_RANKING_SIZE'],
      ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'INVALID_LOYALTY_TIMEZONE'],
      ['spend bands not from 0', { spendBands: [100, 200] }, 'INVALID_LOYALTY_BANDS'],
      ['spend bands not rising', { spendBands: [0, 200, 200] }, 'INVALID_LOYALTY_BANDS'],
      ['no age band', { ageBands: [] }, 'INVALID_LOYALTY_BANDS'],
      ['an age band of 0', { ageBands: [0, 18] }, 'INVALID_LOYALTY_BANDS'],
    ])('should refuse %s', (_name, overrides, code) => {
      spec.given([]).when(define(overrides)).thenThrows(DomainError, code);
      spec.given([defined()]).when(revise(overrides)).thenThrows(DomainError, code);
    });

    it('should accept a vesting of 0 days and lots expiring the day after', () => {
      spec.given([]).when(define({ vestingDays: 0, lotExpiryDays: 1 })).thenMatches([{ type: 'LoyaltyRulesDefined' }]);
    });
  });

  describe('when reading the rules as of an instant', () => {
    const history = [defined(), revised({ ...rules, rankingSize: 20 })];

    it('should give the defaults as revision 0 before any definition', () => {
      expect(loyaltyRulesAsOf(history, '2025-12-31T23:59:59.999Z', rules)).toEqual({ revision: 0, rules });
    });

    it('should give the revision in force at that instant', () => {
      expect(loyaltyRulesAsOf(history, '2026-02-01T00:00:00.000Z', rules)).toEqual({ revision: 1, rules });
      expect(loyaltyRulesAsOf(history, T1, rules).revision).toBe(2);
      expect(loyaltyRulesAsOf(history, T1, rules).rules.rankingSize).toBe(20);
    });
  });
});
