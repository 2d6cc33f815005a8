/** A reader's place in the global log: (transaction id, global position), compared as a pair. */
export interface LogPosition {
  transactionId: string;
  globalPosition: string;
}

export const LOG_START: LogPosition = Object.freeze({ transactionId: '0', globalPosition: '0' });
