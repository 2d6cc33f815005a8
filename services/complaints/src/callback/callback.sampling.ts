/** One completed case a sampling run may draw (R118). */
export interface SampleCandidate {
  caseRef: string;
  kind: 'complaint' | 'after_sales';
  storeId: string;
}

export interface SampleDraw {
  population: number;
  sampled: number;
  /** Sampled share of the population (0 when the population is empty). */
  coverage: number;
  items: SampleCandidate[];
}

/** FNV-1a over UTF-16 units: a stable, seedable order with no randomness. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Draws, per store, ceil(rate × the store's population) cases. The same seed (the month) and the
 * same population give the same picks whatever order the candidates come in.
 */
export function drawSample(candidates: readonly SampleCandidate[], rate: number, seed: string): SampleDraw {
  if (!(rate > 0 && rate <= 1)) throw new RangeError(`The sampling rate must be in (0, 1], got ${rate}`);
  const unique = [...new Map(candidates.map((c) => [c.caseRef, c])).values()];
  const byStore = new Map<string, SampleCandidate[]>();
  for (const c of unique) byStore.set(c.storeId, [...(byStore.get(c.storeId) ?? []), c]);
  const items: SampleCandidate[] = [];
  for (const store of [...byStore.keys()].sort()) {
    const pool = byStore.get(store)!;
    const ranked = pool
      .map((c) => ({ c, rank: fnv1a(`${seed}:${c.caseRef}`) }))
      .sort((a, b) => a.rank - b.rank || a.c.caseRef.localeCompare(b.c.caseRef));
    items.push(...ranked.slice(0, Math.ceil(rate * pool.length)).map((r) => r.c));
  }
  return { population: unique.length, sampled: items.length, coverage: unique.length ? items.length / unique.length : 0, items };
}
