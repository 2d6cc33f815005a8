/**
 * Splits ordered items into rounds that each hold at most one item per key, keeping every key's
 * items in their order: a key's k-th item goes in round k. A multi-row upsert may touch a row only
 * once, so a projection writes a batch as one statement per round (usually one) instead of one per
 * event, and each row still sees its events in order.
 */
export function inRounds<T>(items: Iterable<T>, keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
