/** Who runs the weekly case review that publishes library entries. */
export const CASE_REVIEWER_ROLES = ['hq_cs_manager', 'admin'] as const;

export const MAX_KEYWORDS = 20;

/** Keywords as the library searches them: trimmed, lower-cased, unique, non-empty. */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0))].slice(0, MAX_KEYWORDS);
}
