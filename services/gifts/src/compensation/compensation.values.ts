/** One compensation granted on a complaint's accepted solution (kind gift). */
export interface CompensationGrant {
  solutionNo: number;
  storeId: string;
  memberId?: string;
  /** Absent: any gift of the store's choice. */
  sku?: string;
  quantity: number;
  issuanceId?: string;
}

/** The first unfulfilled grant this gift may fulfil. */
export function matchingGrant(grants: readonly CompensationGrant[], sku: string, quantity: number): CompensationGrant | undefined {
  return grants.find((g) => !g.issuanceId && (g.sku === undefined || g.sku === sku) && quantity <= g.quantity);
}
