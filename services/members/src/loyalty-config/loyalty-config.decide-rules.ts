import { compact } from '@cs/eventstore';
import type { DefineLoyaltyRules, LoyaltyConfigActor, ReviseLoyaltyRules } from './loyalty-config.commands.js';
import {
  invalidBands,
  invalidEarnRate,
  invalidPeriod,
  invalidRankingSize,
  invalidTiers,
  invalidTimezone,
  loyaltyConfigForbidden,
} from './loyalty-config.errors.js';
import type { LoyaltyConfigEvent } from './loyalty-config.events.js';
import type { LoyaltyConfig } from './loyalty-config.state.js';
import {
  isTimeZone,
  isWholeIn,
  LOYALTY_LIMITS as L,
  sameRules,
  TIER_CODE_PATTERN,
  type LoyaltyRules,
  type LoyaltyTier,
} from './loyalty-config.values.js';

/** Who may change the loyalty rules; the gateway checks the same roles before calling. */
export const LOYALTY_CONFIG_ROLES: readonly string[] = ['hq_cs_manager', 'admin'];

export function decideDefineRules(command: DefineLoyaltyRules): LoyaltyConfigEvent[] {
  requireConfigRole(command.actor);
  const rules = validRules(command.rules);
  return [{ type: 'LoyaltyRulesDefined', data: { configId: command.configId, rules, at: command.now, by: command.actor.id } }];
}

export function decideReviseRules(command: ReviseLoyaltyRules, state: LoyaltyConfig): LoyaltyConfigEvent[] {
  requireConfigRole(command.actor);
  const rules = validRules(command.rules);
  // an identical revision would give a new revision number to rules that did not change
  if (sameRules(state.rules, rules)) return [];
  return [
    {
      type: 'LoyaltyRulesRevised',
      data: compact({ configId: command.configId, rules, note: command.note, at: command.now, by: command.actor.id }),
    },
  ];
}

function requireConfigRole(actor: LoyaltyConfigActor): void {
  if (!LOYALTY_CONFIG_ROLES.includes(actor.role)) throw loyaltyConfigForbidden(actor.role);
}

function validRules(r: LoyaltyRules): LoyaltyRules {
  const tiers = validTiers(r.tiers);
  if (!isWholeIn(r.earnRate?.points, 1, L.maxEarnPoints)) {
    throw invalidEarnRate(`earnRate.points must be a whole number from 1 to ${L.maxEarnPoints}`, 'earnRate.points');
  }
  if (!isWholeIn(r.earnRate?.perAmount, 1, L.maxPerAmount)) {
    throw invalidEarnRate(`earnRate.perAmount must be a whole number of fen from 1 to ${L.maxPerAmount}`, 'earnRate.perAmount');
  }
  period(r.vestingDays, 0, L.maxVestingDays, 'vestingDays');
  period(r.lotExpiryDays, r.vestingDays + 1, L.maxLotExpiryDays, 'lotExpiryDays');
  period(r.membershipValidityMonths, 1, L.maxValidityMonths, 'membershipValidityMonths');
  period(r.expiringNoticeDays, 1, L.maxNoticeDays, 'expiringNoticeDays');
  period(r.atRiskAfterDays, 1, L.maxInactivityDays - 1, 'atRiskAfterDays');
  period(r.churnedAfterDays, r.atRiskAfterDays + 1, L.maxInactivityDays, 'churnedAfterDays');
  period(r.birthdayLeadDays, 0, L.maxBirthdayLeadDays, 'birthdayLeadDays');
  period(r.redemptionTimeoutMinutes, 1, L.maxRedemptionTimeoutMinutes, 'redemptionTimeoutMinutes');
  if (!isWholeIn(r.rankingSize, 1, L.maxRankingSize)) throw invalidRankingSize(L.maxRankingSize);
  if (!isTimeZone(r.timezone)) throw invalidTimezone(r.timezone);
  risingBands(r.spendBands, 0, Number.MAX_SAFE_INTEGER, 'spendBands', true);
  risingBands(r.ageBands, 1, L.maxAge, 'ageBands', false);
  return {
    tiers,
    earnRate: { points: r.earnRate.points, perAmount: r.earnRate.perAmount },
    vestingDays: r.vestingDays,
    lotExpiryDays: r.lotExpiryDays,
    membershipValidityMonths: r.membershipValidityMonths,
    expiringNoticeDays: r.expiringNoticeDays,
    atRiskAfterDays: r.atRiskAfterDays,
    churnedAfterDays: r.churnedAfterDays,
    birthdayLeadDays: r.birthdayLeadDays,
    rankingSize: r.rankingSize,
    redemptionTimeoutMinutes: r.redemptionTimeoutMinutes,
    timezone: r.timezone,
    spendBands: [...r.spendBands],
    ageBands: [...r.ageBands],
  };
}

function risingBands(bands: number[], min: number, max: number, field: string, startsAtZero: boolean): void {
  const ok =
    Array.isArray(bands) &&
    bands.length >= 1 &&
    bands.length <= L.maxBands &&
    bands.every((b, i) => isWholeIn(b, min, max) && (i === 0 || b > bands[i - 1])) &&
    (!startsAtZero || bands[0] === 0);
  if (!ok) throw invalidBands(`${field} must be 1 to ${L.maxBands} strictly rising whole numbers${startsAtZero ? ' from 0' : ''}`, field);
}

function period(value: number, min: number, max: number, field: string): void {
  if (!isWholeIn(value, min, max)) throw invalidPeriod(`${field} must be a whole number from ${min} to ${max}`, field);
}

function validTiers(tiers: LoyaltyTier[]): LoyaltyTier[] {
  if (!Array.isArray(tiers) || tiers.length < 1 || tiers.length > L.maxTiers) {
    throw invalidTiers(`tiers must list 1 to ${L.maxTiers} tiers`, 'tiers');
  }
  const codes = new Set<string>();
  return tiers.map((tier, i) => {
    const field = `tiers[${i}]`;
    if (!TIER_CODE_PATTERN.test(tier.code ?? '')) throw invalidTiers(`${field}.code is not a valid tier code`, `${field}.code`);
    if (codes.has(tier.code)) throw invalidTiers(`tier ${tier.code} is listed twice`, `${field}.code`);
    codes.add(tier.code);
    if (typeof tier.name !== 'string' || !tier.name.trim()) throw invalidTiers(`${field}.name is required`, `${field}.name`);
    if (!isWholeIn(tier.minNetSpend12m, 0, Number.MAX_SAFE_INTEGER)) {
      throw invalidTiers(`${field}.minNetSpend12m must be a whole number of fen`, `${field}.minNetSpend12m`);
    }
    if (i === 0 && tier.minNetSpend12m !== 0) throw invalidTiers('the first tier must start at 0', `${field}.minNetSpend12m`);
    if (i > 0 && tier.minNetSpend12m <= tiers[i - 1].minNetSpend12m) {
      throw invalidTiers('tier thresholds must rise strictly', `${field}.minNetSpend12m`);
    }
    return { code: tier.code, name: tier.name.trim(), minNetSpend12m: tier.minNetSpend12m, vip: tier.vip === true };
  });
}
