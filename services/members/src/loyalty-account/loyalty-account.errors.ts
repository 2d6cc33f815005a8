import { DomainError } from '@cs/eventstore';

export const LoyaltyAccountErrorCodes = {
  NOT_FOUND: 'LOYALTY_ACCOUNT_NOT_FOUND',
  ALREADY_EXISTS: 'LOYALTY_ACCOUNT_ALREADY_EXISTS',
  INVALID_TRANSITION: 'LOYALTY_ACCOUNT_INVALID_TRANSITION',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  PURCHASE_IN_FUTURE: 'PURCHASE_IN_FUTURE',
  RECEIPT_CONFLICT: 'PURCHASE_RECEIPT_CONFLICT',
  PURCHASE_NOT_FOUND: 'PURCHASE_NOT_FOUND',
  REFUND_CONFLICT: 'REFUND_CONFLICT',
  REFUND_EXCEEDS_PURCHASE: 'REFUND_EXCEEDS_PURCHASE',
  INVALID_POINTS: 'INVALID_POINTS',
  INSUFFICIENT_POINTS: 'INSUFFICIENT_POINTS',
  HOLD_CONFLICT: 'POINTS_HOLD_CONFLICT',
  HOLD_NOT_FOUND: 'POINTS_HOLD_NOT_FOUND',
  HOLD_ALREADY_RELEASED: 'POINTS_HOLD_ALREADY_RELEASED',
  HOLD_ALREADY_CONFIRMED: 'POINTS_HOLD_ALREADY_CONFIRMED',
  HOLDS_OPEN: 'POINTS_HOLDS_OPEN',
  INVALID_MONTH: 'INVALID_MONTH',
  REASON_REQUIRED: 'REASON_REQUIRED',
} as const;

const E = LoyaltyAccountErrorCodes;

export const accountNotFound = (memberId: string) =>
  new DomainError(E.NOT_FOUND, `Member ${memberId} has no loyalty account`, 'not_found', { memberId });

export const accountAlreadyExists = (memberId: string) =>
  new DomainError(E.ALREADY_EXISTS, `Member ${memberId} already has a loyalty account`, 'conflict', { memberId });

export const invalidAmount = (field: string) =>
  new DomainError(E.INVALID_AMOUNT, `${field} must be a whole positive number of fen`, 'rule', { field });

export const purchaseInFuture = (purchasedAt: string) =>
  new DomainError(E.PURCHASE_IN_FUTURE, `A purchase at ${purchasedAt} has not happened yet`, 'rule', { purchasedAt });

export const receiptConflict = (receiptNo: string) =>
  new DomainError(E.RECEIPT_CONFLICT, `Receipt ${receiptNo} was already recorded with other figures`, 'conflict', { receiptNo });

export const purchaseNotFound = (receiptNo: string) =>
  new DomainError(E.PURCHASE_NOT_FOUND, `No purchase with receipt ${receiptNo} for this member`, 'not_found', { receiptNo });

export const refundConflict = (refundId: string) =>
  new DomainError(E.REFUND_CONFLICT, `Refund ${refundId} was already recorded with other figures`, 'conflict', { refundId });

export const refundExceedsPurchase = (receiptNo: string, refundable: number) =>
  new DomainError(E.REFUND_EXCEEDS_PURCHASE, `At most ${refundable} fen of receipt ${receiptNo} can still be refunded`, 'rule', {
    receiptNo,
    refundable,
  });

export const invalidPoints = () => new DomainError(E.INVALID_POINTS, 'points must be a whole positive number', 'rule', { field: 'points' });

export const insufficientPoints = (requested: number, available: number) =>
  new DomainError(E.INSUFFICIENT_POINTS, `${requested} points asked, ${available} available`, 'rule', { requested, available });

export const holdConflict = (holdId: string) =>
  new DomainError(E.HOLD_CONFLICT, `Hold ${holdId} already exists for another redemption or amount`, 'conflict', { holdId });

export const holdNotFound = (holdId: string) => new DomainError(E.HOLD_NOT_FOUND, `No hold ${holdId}`, 'not_found', { holdId });

export const holdAlreadyReleased = (holdId: string) =>
  new DomainError(E.HOLD_ALREADY_RELEASED, `Hold ${holdId} was released`, 'conflict', { holdId });

export const holdAlreadyConfirmed = (holdId: string) =>
  new DomainError(E.HOLD_ALREADY_CONFIRMED, `Hold ${holdId} was redeemed`, 'conflict', { holdId });

export const holdsOpen = (holdIds: string[]) =>
  new DomainError(E.HOLDS_OPEN, 'Redemptions are still in progress', 'conflict', { holdIds });

export const invalidMonth = (month: string) => new DomainError(E.INVALID_MONTH, `${month} is not a YYYY-MM month`, 'rule', { field: 'month' });

export const reasonRequired = () => new DomainError(E.REASON_REQUIRED, 'A reason is required', 'rule', { field: 'reason' });
