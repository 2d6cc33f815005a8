import type { RequestActor } from '../common/after-sales.values.js';
import type { LineClaim } from './order-return-ledger.values.js';

interface CommandBase {
  orderRef: string;
  now: string;
  actor: RequestActor;
}

/** Appended in the transaction that files the return or exchange. */
export interface ClaimReturnQuantities extends CommandBase {
  type: 'ClaimReturnQuantities';
  requestId: string;
  lines: LineClaim[];
}

/** Appended in the transaction that cancels or refuses the request. */
export interface ReleaseReturnQuantities extends CommandBase {
  type: 'ReleaseReturnQuantities';
  requestId: string;
  reason: string;
}

export type OrderReturnLedgerCommand = ClaimReturnQuantities | ReleaseReturnQuantities;
