import { serviceConfigFromEnv, type ServiceConfig } from '@cs/nest-common';
import { DEFAULT_REQUIRED_MEMBER_FIELDS } from '../member/member.values.js';

export interface MembersConfig extends ServiceConfig {
  /** [PROPOSED] fields HQ review requires before a member can become active (R84). */
  requiredFields: string[];
  /** Time zone that decides which day an entry belongs to in the daily review queue. */
  reviewTimezone: string;
}

export function membersConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MembersConfig {
  return {
    ...serviceConfigFromEnv('members', env),
    requiredFields: env.MEMBER_REQUIRED_FIELDS
      ? env.MEMBER_REQUIRED_FIELDS.split(',').map((f) => f.trim()).filter(Boolean)
      : [...DEFAULT_REQUIRED_MEMBER_FIELDS],
    reviewTimezone: env.REVIEW_TIMEZONE ?? 'Asia/Shanghai',
  };
}
