import type { CallbackKind } from '../callback/callback.values.js';
import { DEFAULT_MAX_UNANSWERED_ATTEMPTS } from '../callback/callback.values.js';
import type { AuthorityLimits } from '../complaint/complaint.values.js';
import { DEFAULT_AUTO_ESCALATION, type AutoEscalationRules } from '../notifications/notification-plan.js';
import { DEFAULT_ROUTING_RULES, EMPTY_ROSTER, type RoutingRules, type StaffRoster } from '../routing/complaint-routing.js';
import { DEFAULT_SLA_SELECTION, type SlaSelectionConfig } from '../sla/sla-selection.js';

export const COMPLAINTS_TEAM_CONFIG = Symbol('COMPLAINTS_TEAM_CONFIG');

/** [PROPOSED] values of issue 11, all configuration (environment JSON), with the seed defaults. */
export interface ComplaintsTeamConfig {
  roster: StaffRoster;
  routing: RoutingRules;
  /** What compensation (fen) each escalation level may grant. */
  authority: AuthorityLimits;
  slaSelection: SlaSelectionConfig;
  autoEscalation: AutoEscalationRules;
  /** Hours after the source event at which each call-back kind is due (§1.7.2: complaint 1–3 days after resolution). */
  callbackDelayHours: Partial<Record<CallbackKind, number>>;
  callbackMaxAttempts: number;
  /** Second call of a staff complaint: this local time on the next working day (R51). */
  secondCallLocalTime: string;
  /** Stores' fixed offset from UTC in minutes (Asia/Shanghai). */
  utcOffsetMinutes: number;
  /** Webhook adapter target for notifications; the log adapter always runs. */
  notificationWebhookUrl?: string;
  /** Member tiers that get VIP call-backs (birthday, expiring, churned). */
  vipTiers: string[];
}

export const DEFAULT_AUTHORITY: AuthorityLimits = {
  store_staff: { maxCompensationFen: 10_000 },
  store_manager: { maxCompensationFen: 50_000 },
  hq_agent: { maxCompensationFen: 200_000 },
};

export const DEFAULT_CALLBACK_DELAY_HOURS: Partial<Record<CallbackKind, number>> = {
  complaint: 24,
  after_sales: 72,
  lost_member: 72,
  expiring_member: 24,
  birthday_greeting: 0,
  market_survey: 72,
};

const json = <T>(value: string | undefined, fallback: T): T => (value ? (JSON.parse(value) as T) : fallback);

export function complaintsTeamConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ComplaintsTeamConfig {
  return {
    roster: json(env.COMPLAINTS_ROSTER_JSON, EMPTY_ROSTER),
    routing: { ...DEFAULT_ROUTING_RULES, ...json<Partial<RoutingRules>>(env.COMPLAINTS_ROUTING_JSON, {}) },
    authority: json(env.COMPLAINTS_AUTHORITY_JSON, DEFAULT_AUTHORITY),
    slaSelection: { ...DEFAULT_SLA_SELECTION, ...json<Partial<SlaSelectionConfig>>(env.COMPLAINTS_SLA_SELECTION_JSON, {}) },
    autoEscalation: json(env.COMPLAINTS_AUTO_ESCALATION_JSON, DEFAULT_AUTO_ESCALATION),
    callbackDelayHours: { ...DEFAULT_CALLBACK_DELAY_HOURS, ...json<Partial<Record<CallbackKind, number>>>(env.CALLBACK_DELAY_HOURS_JSON, {}) },
    callbackMaxAttempts: Number(env.CALLBACK_MAX_ATTEMPTS ?? DEFAULT_MAX_UNANSWERED_ATTEMPTS),
    secondCallLocalTime: env.STAFF_COMPLAINT_SECOND_CALL_TIME ?? '17:00',
    utcOffsetMinutes: Number(env.STORE_UTC_OFFSET_MINUTES ?? 480),
    notificationWebhookUrl: env.NOTIFICATION_WEBHOOK_URL || undefined,
    vipTiers: json(env.VIP_TIERS_JSON, ['gold', 'platinum', 'diamond']),
  };
}

/** Due instant of a call-back of `kind` after `from`. */
export function callbackDueAt(config: ComplaintsTeamConfig, kind: CallbackKind, from: string): string {
  const hours = config.callbackDelayHours[kind] ?? 24;
  return new Date(Date.parse(from) + hours * 3_600_000).toISOString();
}
