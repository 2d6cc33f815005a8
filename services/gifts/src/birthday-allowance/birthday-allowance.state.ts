export type BirthdayAllowanceStatus = 'claimed' | 'released';

export interface BirthdayAllowance {
  status: BirthdayAllowanceStatus;
  memberId: string;
  year: number;
  issuanceId?: string;
}

export type BirthdayAllowanceState = BirthdayAllowance | null;

export const initialBirthdayAllowanceState = (): BirthdayAllowanceState => null;
