import { serviceConfigFromEnv, type ServiceConfig } from '@cs/nest-common';
import type { TolerancePolicy } from '../stocktake/stocktake.values.js';

/** The [PROPOSED] numbers of §1.6.5, overridable per environment. */
export interface GiftsConfig extends ServiceConfig {
  /** A dispatch is overdue this long after its expected arrival (2 days). */
  arrivalGraceMinutes: number;
  /** Stocktake tolerance: max(1 unit, 2 %); high-value SKUs 0. */
  tolerance: TolerancePolicy;
  /** Validity of a compensation voucher from its grant (30 days). */
  voucherValidityDays: number;
  /** Validity of other entitlements issued without an explicit end. */
  entitlementValidityDays: number;
  /** The chain's time zone: birthday years and stocktake periods are its calendar's. */
  timeZone: string;
}

export function giftsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GiftsConfig {
  return {
    ...serviceConfigFromEnv('gifts', env),
    arrivalGraceMinutes: Number(env.GIFT_ARRIVAL_GRACE_MINUTES ?? 2 * 24 * 60),
    tolerance: { minUnits: Number(env.GIFT_TOLERANCE_MIN_UNITS ?? 1), percent: Number(env.GIFT_TOLERANCE_PERCENT ?? 2) },
    voucherValidityDays: Number(env.GIFT_VOUCHER_VALIDITY_DAYS ?? 30),
    entitlementValidityDays: Number(env.GIFT_ENTITLEMENT_VALIDITY_DAYS ?? 30),
    timeZone: env.GIFT_TIME_ZONE ?? 'Asia/Shanghai',
  };
}

/** `YYYY-MM` of an instant in the chain's calendar. */
export function periodOf(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/** The period before `YYYY-MM`. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
