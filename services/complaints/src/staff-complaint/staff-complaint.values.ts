/** R47: what a complaint about a staff member is about. */
export const STAFF_COMPLAINT_CATEGORIES = ['business_error', 'attitude', 'process_policy'] as const;
export type StaffComplaintCategory = (typeof STAFF_COMPLAINT_CATEGORIES)[number];

export const INITIAL_JUDGEMENTS = ['upheld', 'not_upheld'] as const;
export type InitialJudgement = (typeof INITIAL_JUDGEMENTS)[number];

export const APPEASEMENT_RESULTS = ['accepted', 'not_accepted'] as const;
export type AppeasementResult = (typeof APPEASEMENT_RESULTS)[number];

/** R50: a note to the staff member and the team lead, and an SMS to the team lead. */
export const NOTIFICATION_CHANNELS = ['note', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Who may act as the team lead (话务班长 in the seeds): the store's manager; HQ's CS manager for HQ staff. */
export const TEAM_LEAD_ROLES = ['store_manager', 'hq_cs_manager', 'admin'] as const;
/** Who reviews and scores (质量管理员). */
export const QA_ROLES = ['hq_qa', 'admin'] as const;

export const QA_SCORE_MAX = 100;

export const filled = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';
