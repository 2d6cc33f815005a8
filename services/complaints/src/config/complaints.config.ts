import { serviceConfigFromEnv, type ServiceConfig } from '@cs/nest-common';
import { DEFAULT_SLA_POLICIES, type SlaPolicy } from '../sla/sla-policy.js';
import { workingCalendar, type WorkingCalendar } from '../sla/working-calendar.js';
import { complaintsTeamConfigFromEnv, type ComplaintsTeamConfig } from './team.config.js';

export interface ComplaintsConfig extends ServiceConfig {
  /** SLA policies by id; a complaint keeps the policy (and due instants) it was filed under. */
  slaPolicies: Record<string, SlaPolicy>;
  calendar: WorkingCalendar;
  /** [PROPOSED] a complaint by the same member in the same category within this window is a repeat. */
  repeatWindowDays: number;
  /** Issue 11's configuration (roster, routing, authority, call-backs…); from the environment when absent. */
  team?: ComplaintsTeamConfig;
}

export function complaintsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ComplaintsConfig {
  return {
    ...serviceConfigFromEnv('complaints', env),
    slaPolicies: { ...DEFAULT_SLA_POLICIES, ...(env.SLA_POLICIES_JSON ? (JSON.parse(env.SLA_POLICIES_JSON) as Record<string, SlaPolicy>) : {}) },
    calendar: workingCalendar(env.WORKING_CALENDAR_JSON ? (JSON.parse(env.WORKING_CALENDAR_JSON) as Partial<WorkingCalendar>) : {}),
    repeatWindowDays: Number(env.REPEAT_WINDOW_DAYS ?? 30),
    team: complaintsTeamConfigFromEnv(env),
  };
}
