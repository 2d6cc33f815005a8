/**
 * Proof that a request was mapped field by field: destructure the fields the command takes and
 * pass the rest here. A request field that is added and not mapped leaves `rest` non-empty, and
 * the call no longer compiles (a validated field can never be dropped silently).
 *
 *   const { complaintId, solutionNo, note, ...rest } = request;
 *   consumed(rest);
 */
export function consumed(rest: Record<string, never>): void {
  void rest;
}
