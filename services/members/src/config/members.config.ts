import { serviceConfigFromEnv, type ServiceConfig } from '@cs/nest-common';
import { DEFAULT_REQUIRED_MEMBER_FIELDS } from '../member/member.values.js';

export interface MembersConfig extends ServiceConfig {
  /** [PROPOSED] fields HQ review requires before a member can become active (R84). */
  requiredFields: string[];
  /** Time zone that decides which day an entry belongs to in the daily review queue. */
  reviewTimezone: string;
  /** [PROPOSED] how long a passed identity check lets the phone desk see the member's full profile (R103). */
  identityCheckWindowMinutes: number;
}

export function membersConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MembersConfig {
  return {
    ...serviceConfigFromEnv('members', env),
    requiredFields: env.MEMBER_REQUIRED_FIELDS
      ? env.MEMBER_REQUIRED_FIELDS.split(',').map((f) => f.trim()).filter(Boolean)
      : [...DEFAULT_REQUIRED_MEMBER_FIELDS],
    reviewTimezone: env.REVIEW_TIMEZONE ?? 'Asia/Shanghai',
    identityCheckWindowMinutes: positiveInteger(env.IDENTITY_CHECK_WINDOW_MINUTES, 30),
  };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`IDENTITY_CHECK_WINDOW_MINUTES must be a positive integer, got ${value}`);
  return n;
}
