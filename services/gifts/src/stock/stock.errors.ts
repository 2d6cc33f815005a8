import { DomainError } from '@cs/eventstore';

export const StockErrorCodes = {
  INSUFFICIENT: 'STOCK_INSUFFICIENT',
  QUANTITY_INVALID: 'STOCK_QUANTITY_INVALID',
  RESERVATION_EXISTS: 'STOCK_RESERVATION_EXISTS',
  SHIPMENT_EXISTS: 'STOCK_SHIPMENT_EXISTS',
  SHIPMENT_UNKNOWN: 'STOCK_SHIPMENT_UNKNOWN',
  ARRIVAL_EXCEEDS_DISPATCH: 'STOCK_ARRIVAL_EXCEEDS_DISPATCH',
  DAMAGED_EXCEEDS_RECEIVED: 'STOCK_DAMAGED_EXCEEDS_RECEIVED',
} as const;

export const stockInsufficient = (locationId: string, sku: string, available: number, wanted: number) =>
  new DomainError(
    StockErrorCodes.INSUFFICIENT,
    `Only ${available} of ${sku} available at ${locationId}, ${wanted} needed: stock never goes negative`,
    'rule',
    { locationId, sku, available, wanted },
  );

export const stockQuantityInvalid = (quantity: number) =>
  new DomainError(StockErrorCodes.QUANTITY_INVALID, `Quantity must be a positive whole number, got ${quantity}`, 'rule', { quantity });

export const stockReservationExists = (ref: string) =>
  new DomainError(StockErrorCodes.RESERVATION_EXISTS, `Stock is already reserved for ${ref}`, 'conflict', { ref });

export const stockShipmentExists = (ref: string) =>
  new DomainError(StockErrorCodes.SHIPMENT_EXISTS, `A shipment for ${ref} is already on its way`, 'conflict', { ref });

export const stockShipmentUnknown = (ref: string) =>
  new DomainError(StockErrorCodes.SHIPMENT_UNKNOWN, `No shipment for ${ref} is in transit here`, 'conflict', { ref });

export const stockArrivalExceedsDispatch = (sku: string, received: number, dispatched: number) =>
  new DomainError(StockErrorCodes.ARRIVAL_EXCEEDS_DISPATCH, `${received} of ${sku} received but only ${dispatched} dispatched`, 'rule', {
    sku,
    received,
    dispatched,
  });

export const stockDamagedExceedsReceived = (sku: string, damaged: number, received: number) =>
  new DomainError(StockErrorCodes.DAMAGED_EXCEEDS_RECEIVED, `${damaged} of ${sku} damaged but only ${received} received`, 'rule', {
    sku,
    damaged,
    received,
  });
