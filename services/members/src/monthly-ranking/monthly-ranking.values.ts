/** A member's spend in the month at one store: sales minus refunds of those sales, fen. */
export interface RankingCandidate {
  memberId: string;
  netSpend: number;
  txCount: number;
}

export interface RankedMember extends RankingCandidate {
  rank: number;
}

export interface StoreRanking {
  storeId: string;
  ranked: RankedMember[];
}

/**
 * Top N by net spend, more transactions first on a tie, then member id for a stable order; equal
 * spend and count share a rank (1, 1, 3). Members with no positive net spend are not ranked.
 */
export function rankStore(candidates: readonly RankingCandidate[], size: number): RankedMember[] {
  const sorted = candidates
    .filter((c) => c.netSpend > 0)
    .sort((a, b) => b.netSpend - a.netSpend || b.txCount - a.txCount || a.memberId.localeCompare(b.memberId))
    .slice(0, size);
  return sorted.map((c, i) => {
    let first = i;
    while (first > 0 && sorted[first - 1].netSpend === c.netSpend && sorted[first - 1].txCount === c.txCount) first--;
    return { rank: first + 1, memberId: c.memberId, netSpend: c.netSpend, txCount: c.txCount };
  });
}
