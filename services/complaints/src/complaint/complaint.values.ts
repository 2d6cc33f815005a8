import { fieldRequired } from './complaint.errors.js';

/**
 * Closed vocabularies of the complaint aggregate (§1.3.3, §1.2). The published contracts repeat
 * these lists on purpose: stored events are private and may evolve apart from the versioned
 * public ones; a unit test keeps the two equal until a contract version says otherwise.
 */

export const COMPLAINT_CHANNELS = ['phone', 'email', 'chat', 'store_visit', 'web', 'letter', 'social'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_SOURCES = ['store', 'hq'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export const COMPLAINT_CATEGORIES = [
  'PRODUCT_QUALITY',
  'PRODUCT_DAMAGED',
  'WRONG_ITEM',
  'LOGISTICS',
  'OUT_OF_STOCK_ORDER',
  'STAFF_ATTITUDE',
  'STAFF_BUSINESS_ERROR',
  'PROCESS_POLICY',
  'PRICE_FEE',
  'AFTER_SALES_SERVICE',
  'MEMBER_BENEFIT',
  'GIFT',
  'PRIVACY',
  'ENVIRONMENT_OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** P1 major, P2 urgent, P3 normal. */
export const COMPLAINT_SEVERITIES = ['P1', 'P2', 'P3'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** Lowest first: escalation only moves to the right. */
export const ESCALATION_LEVELS = ['store_staff', 'store_manager', 'hq_agent', 'hq_manager'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export type EscalationTarget = Exclude<EscalationLevel, 'store_staff'>;

export const COMPLAINT_STATUSES = [
  'received',
  'classified',
  'assigned',
  'investigating',
  'solution_proposed',
  'negotiating',
  'solution_accepted',
  'resolved',
  'closed',
  'closed_invalid',
  'closed_not_ours',
  'reopened',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPENSATION_KINDS = ['gift', 'voucher', 'refund', 'exchange', 'repair'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

/** Who hands a granted compensation over: gifts issues gifts and vouchers, after-sales refunds, exchanges and repairs. */
export const FULFILMENT_SOURCES = { gifts: ['gift', 'voucher'], 'after-sales': ['refund', 'exchange', 'repair'] } as const satisfies Record<string, readonly CompensationKind[]>;
export type FulfilmentSource = keyof typeof FULFILMENT_SOURCES;

export const INVALIDATION_REASONS = ['duplicate', 'not_ours', 'invalid'] as const;
export type InvalidationReason = (typeof INVALIDATION_REASONS)[number];

/** What the complaint call-back found when closing (R23): satisfied, or the customer could not be reached. */
export const CALLBACK_OUTCOMES = ['satisfied', 'unreachable'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const SLA_CLOCKS = ['first_response', 'resolution'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** Roles that may act on a complaint they are not assigned to. */
export const COMPLAINT_MANAGER_ROLES: readonly string[] = ['store_manager', 'hq_cs_manager', 'admin'];

export interface Compensation {
  kind: CompensationKind;
  /** Integer minor units (fen). */
  amount?: number;
  giftSku?: string;
  quantity?: number;
  note?: string;
}

export function raiseSeverity(severity: ComplaintSeverity): ComplaintSeverity {
  return severity === 'P3' ? 'P2' : 'P1';
}

/** The more severe of two (P1 is the most severe). */
export function maxSeverity(a: ComplaintSeverity, b: ComplaintSeverity): ComplaintSeverity {
  return a < b ? a : b;
}

export function escalationRank(level: EscalationLevel): number {
  return ESCALATION_LEVELS.indexOf(level);
}

/** What intake records about a complaint (《顾客投诉意见处理表》): shared by the command, the event and the state. */
export interface ComplaintIntake {
  complaintNo?: string;
  channel: ComplaintChannel;
  source: ComplaintSource;
  storeId: string;
  regionId?: string;
  memberId?: string;
  customer?: { name: string; mobile: string };
  description: string;
  category?: ComplaintCategory;
  orderRef?: string;
  /** The case this one was split out of. */
  splitFromComplaintId?: string;
}

export function requireText(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw fieldRequired(field);
  return value;
}

export function requireInstant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw fieldRequired(`${field} (an ISO-8601 instant)`);
  return value;
}

/** `at` is on or before `due`; instants are compared as times, not strings, since offsets may differ. */
export function onOrBefore(at: string, due: string): boolean {
  return Date.parse(at) <= Date.parse(due);
}

/** Roles of store staff: at an HQ level they no longer act on the case, the HQ owner does (R20–R22, R45). */
export const STORE_ROLES: readonly string[] = ['store_staff', 'store_manager'];

export const HQ_LEVELS: readonly EscalationLevel[] = ['hq_agent', 'hq_manager'];

/** How an owner came to hold the case besides a plain assignment (no `via`); every hand-over names from, to and a note. */
export const ASSIGNMENT_VIAS = ['filing', 'escalation'] as const;
export type AssignmentVia = (typeof ASSIGNMENT_VIAS)[number];

/**
 * [PROPOSED] The largest compensation value (fen) each level may grant; configuration passed in
 * the command. A level missing from the map has no limit.
 */
export type AuthorityLimits = Partial<Record<EscalationLevel, { maxCompensationFen: number }>>;

/** Something promised to the customer with a solution, and by when (R35, R43). */
export interface PromiseTerms {
  what: string;
  dueAt: string;
}

/** The complaint call-back as the service found it when closing (R23). */
export const CALLBACK_STATES = ['none', 'pending', 'in_progress', 'reached', 'completed', 'unreachable', 'declined', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

/** Settled: the customer answered, or could not be reached; anything else keeps the case open. */
/**
 * R23: the case closes once its call-back has been made: completed, the customer unreachable after
 * the configured attempts, or reached and refusing the call (declined; otherwise such a case could
 * never close).
 */
export const SETTLED_CALLBACK_STATES: readonly CallbackState[] = ['completed', 'unreachable', 'declined'];
