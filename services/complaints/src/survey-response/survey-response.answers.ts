import { RATING_MAX, RATING_MIN, type SurveyQuestion } from '../survey/survey.values.js';

type Answer = string | number | boolean;

/** What is wrong with the answers for these questions (empty when they fit). */
export function answerProblems(questions: readonly SurveyQuestion[], answers: Record<string, Answer>): string[] {
  const problems: string[] = [];
  const known = new Set(questions.map((q) => q.questionId));
  for (const id of Object.keys(answers)) if (!known.has(id)) problems.push(`${id} is not a question of this survey`);
  for (const q of questions) {
    const a = answers[q.questionId];
    if (a === undefined) {
      if (q.required) problems.push(`${q.questionId} is required`);
      continue;
    }
    const fits =
      q.kind === 'rating'
        ? Number.isInteger(a) && (a as number) >= RATING_MIN && (a as number) <= RATING_MAX
        : q.kind === 'yes_no'
          ? typeof a === 'boolean'
          : q.kind === 'choice'
            ? typeof a === 'string' && (q.options ?? []).includes(a)
            : typeof a === 'string' && a.length <= 2000;
    if (!fits) problems.push(`${q.questionId} does not fit a ${q.kind} question`);
  }
  return problems;
}

/** The CSAT figure of a response: the answer to the survey's first rating question. */
export function satisfactionOf(questions: readonly SurveyQuestion[], answers: Record<string, Answer>): number | undefined {
  const first = questions.find((q) => q.kind === 'rating');
  const value = first ? answers[first.questionId] : undefined;
  return typeof value === 'number' ? value : undefined;
}
