/** Values shared by the complaints integration events and RPC requests. */
export const COMPLAINT_CHANNELS = ['phone', 'email', 'chat', 'store_visit', 'web', 'letter', 'social'] as const;
export type ComplaintChannelValue = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_SOURCES = ['store', 'hq'] as const;
export type ComplaintSourceValue = (typeof COMPLAINT_SOURCES)[number];

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
export type ComplaintCategoryValue = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['P1', 'P2', 'P3'] as const;
export type ComplaintSeverityValue = (typeof COMPLAINT_SEVERITIES)[number];

export const COMPLAINT_ESCALATION_LEVELS = ['store_staff', 'store_manager', 'hq_agent', 'hq_manager'] as const;
export type ComplaintEscalationLevelValue = (typeof COMPLAINT_ESCALATION_LEVELS)[number];

/** Levels a complaint can be escalated to (all but the lowest). */
export const COMPLAINT_ESCALATION_TARGETS = ['store_manager', 'hq_agent', 'hq_manager'] as const;
export type ComplaintEscalationTargetValue = (typeof COMPLAINT_ESCALATION_TARGETS)[number];

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
export type ComplaintStatusValue = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_COMPENSATION_KINDS = ['gift', 'voucher', 'refund', 'exchange', 'repair'] as const;
export type ComplaintCompensationKindValue = (typeof COMPLAINT_COMPENSATION_KINDS)[number];

export const COMPLAINT_INVALIDATION_REASONS = ['duplicate', 'not_ours', 'invalid'] as const;
export type ComplaintInvalidationReasonValue = (typeof COMPLAINT_INVALIDATION_REASONS)[number];

export const COMPLAINT_SLA_CLOCKS = ['first_response', 'resolution'] as const;
export type ComplaintSlaClockValue = (typeof COMPLAINT_SLA_CLOCKS)[number];

export const COMPLAINT_SLA_POLICY_IDS = ['chain', 'ecommerce'] as const;
export type ComplaintSlaPolicyIdValue = (typeof COMPLAINT_SLA_POLICY_IDS)[number];

/** How a complaint ended: resolved then closed, or invalidated for one of the reasons. */
export const COMPLAINT_CLOSURES = ['resolved', 'duplicate', 'not_ours', 'invalid'] as const;
export type ComplaintClosureValue = (typeof COMPLAINT_CLOSURES)[number];

/** Mainland China mobile number. */
export const COMPLAINT_MOBILE_PATTERN = /^1\d{10}$/;

export const COMPLAINT_CALLBACK_OUTCOMES = ['satisfied', 'unreachable'] as const;
export type ComplaintCallbackOutcomeValue = (typeof COMPLAINT_CALLBACK_OUTCOMES)[number];

/** How an owner came to hold the case besides a plain hand-over (no `via`). */
export const COMPLAINT_ASSIGNMENT_VIAS = ['filing', 'escalation'] as const;
export type ComplaintAssignmentViaValue = (typeof COMPLAINT_ASSIGNMENT_VIAS)[number];

/** Why a notification reached its recipient. */
export const COMPLAINT_NOTIFICATION_ROLES = ['owner', 'manager', 'hq_manager', 'staff', 'team_lead'] as const;
export type ComplaintNotificationRoleValue = (typeof COMPLAINT_NOTIFICATION_ROLES)[number];

export const COMPLAINT_NOTIFICATION_KINDS = [
  'sla_warning',
  'sla_breach',
  'p1',
  'escalation',
  'promise_overdue',
  'staff_complaint',
  'second_call_overdue',
  'callback_overdue',
] as const;
export type ComplaintNotificationKindValue = (typeof COMPLAINT_NOTIFICATION_KINDS)[number];

/** Call-back kinds of §1.7.2. */
export const CALLBACK_KINDS = [
  'complaint',
  'after_sales',
  'lost_member',
  'expiring_member',
  'market_survey',
  'staff_complaint_second_call',
  'birthday_greeting',
] as const;
export type CallbackKindValue = (typeof CALLBACK_KINDS)[number];

export const CALLBACK_ATTEMPT_OUTCOMES = ['reached', 'no_answer', 'busy', 'wrong_number', 'refused'] as const;
export type CallbackAttemptOutcomeValue = (typeof CALLBACK_ATTEMPT_OUTCOMES)[number];

export const CALLBACK_STATUSES = ['pending', 'in_progress', 'reached', 'completed', 'unreachable', 'declined', 'cancelled'] as const;
export type CallbackStatusValue = (typeof CALLBACK_STATUSES)[number];

/** R47: what a complaint about a staff member is about. */
export const STAFF_COMPLAINT_CATEGORIES = ['business_error', 'attitude', 'process_policy'] as const;
export type StaffComplaintCategoryValue = (typeof STAFF_COMPLAINT_CATEGORIES)[number];

export const SURVEY_CHANNELS = ['phone', 'sms', 'email'] as const;
export type SurveyChannelValue = (typeof SURVEY_CHANNELS)[number];
