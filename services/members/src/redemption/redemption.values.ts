/** Why a redemption did not happen or was undone. */
export const REDEMPTION_REFUSALS = ['insufficient_points', 'membership_not_active'] as const;
export type RedemptionRefusal = (typeof REDEMPTION_REFUSALS)[number];

/** The gifts service's reasons, kept as it sends them. */
export type GiftRefusalReason = string;

export const holdIdFor = (redemptionId: string) => `hold-${redemptionId}`;
/** A gift issued after the time-out is charged under a second hold. */
export const lateHoldIdFor = (redemptionId: string) => `hold-${redemptionId}-late`;

export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}
