export const GIFT_REQUEST_PURPOSES = ['promotion', 'activity', 'birthday', 'compensation', 'new_store', 'other'] as const;
export type GiftRequestPurpose = (typeof GIFT_REQUEST_PURPOSES)[number];

export interface RequestedLine {
  sku: string;
  requested: number;
  approved?: number;
}

export interface ReceivedLine {
  sku: string;
  dispatched: number;
  received: number;
  damaged: number;
}

/** Units that did not arrive. */
export const shortOf = (line: ReceivedLine): number => line.dispatched - line.received;

/** When arrival counts as overdue: the expected arrival plus the configured grace. */
export function overdueAfter(expectedArrival: string, graceMinutes: number): string {
  return new Date(Date.parse(expectedArrival) + graceMinutes * 60_000).toISOString();
}
