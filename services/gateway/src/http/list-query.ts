export const DEFAULT_PAGE_SIZE = 50;

/** The service gets an explicit page size: the gateway's default when the client gave none. */
export function withDefaultLimit<Q extends { limit?: number }>(query: Q): Q & { limit: number } {
  return { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE };
}
