/** A reader's place in the global log: (transaction id, global position), compared as a pair. */
export interface LogPosition {
  transactionId: string;
  globalPosition: string;
}

export const LOG_START: LogPosition = Object.freeze({ transactionId: '0', globalPosition: '0' });

/** Orders two positions as the ordered reader does: by transaction id, then global position (as integers). */
export function comparePositions(a: LogPosition, b: LogPosition): -1 | 0 | 1 {
  const t = BigInt(a.transactionId) - BigInt(b.transactionId);
  const d = t !== 0n ? t : BigInt(a.globalPosition) - BigInt(b.globalPosition);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}
