import { DomainError } from '@cs/eventstore';

export const OrderReturnLedgerErrorCodes = {
  INVALID_TRANSITION: 'ORDER_RETURN_LEDGER_INVALID_TRANSITION',
  QUANTITY_EXCEEDS_PURCHASED: 'RETURN_QUANTITY_EXCEEDS_PURCHASED',
  INVALID_QUANTITY: 'INVALID_ITEMS',
} as const;

const C = OrderReturnLedgerErrorCodes;

export const quantityExceedsPurchased = (orderRef: string, sku: string, purchased: number, alreadyReturned: number, requested: number) =>
  new DomainError(
    C.QUANTITY_EXCEEDS_PURCHASED,
    `${sku} on order ${orderRef}: ${purchased} bought, ${alreadyReturned} already coming back, ${requested} more is too many`,
    'rule',
    { orderRef, sku, purchasedQuantity: purchased, alreadyReturned, requested, available: purchased - alreadyReturned },
  );

export const invalidQuantity = (sku: string) =>
  new DomainError(C.INVALID_QUANTITY, `The quantities of ${sku} must be whole numbers of at least 1`, 'rule', { sku });
