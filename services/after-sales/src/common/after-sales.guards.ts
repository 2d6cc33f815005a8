import { DomainError } from '@cs/eventstore';
import type { Customer, ItemLine, RequestIntake } from './after-sales.values.js';

/** Intake rules shared by both request types; codes are listed in each aggregate's errors file too. */
export const IntakeErrorCodes = {
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  CUSTOMER_INFO_REQUIRED: 'CUSTOMER_INFO_REQUIRED',
  INVALID_ITEMS: 'INVALID_ITEMS',
} as const;

export const fieldRequired = (field: string) => new DomainError(IntakeErrorCodes.FIELD_REQUIRED, `${field} is required`, 'rule', { field });

export const customerInfoRequired = () =>
  new DomainError(IntakeErrorCodes.CUSTOMER_INFO_REQUIRED, 'A member id, or the customer name and mobile, is required', 'rule');

export const invalidItems = (message: string, details?: Record<string, unknown>) =>
  new DomainError(IntakeErrorCodes.INVALID_ITEMS, message, 'rule', details);

export function stamp(command: { now: string; actor: { id: string } }): { at: string; by: string } {
  return { at: command.now, by: command.actor.id };
}

export function requireText(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw fieldRequired(field);
  return value;
}

export function requireCustomer(memberId: string | undefined, customer: Customer | undefined): Customer | undefined {
  const hasCustomer = !!customer?.name?.trim() && !!customer?.mobile?.trim();
  if (!memberId?.trim() && !hasCustomer) throw customerInfoRequired();
  return hasCustomer ? { name: customer!.name, mobile: customer!.mobile } : undefined;
}

export function customerIfGiven(customer: Customer | undefined): Customer | undefined {
  return customer?.name?.trim() && customer?.mobile?.trim() ? { name: customer.name, mobile: customer.mobile } : undefined;
}

/** Whole positive quantities, non-negative whole prices, one line per SKU, purchased ≥ returned. */
export function requireItems(items: readonly ItemLine[], options: { allowEmpty: boolean }): void {
  if (items.length === 0 && !options.allowEmpty) throw invalidItems('At least one item is required');
  const skus = new Set<string>();
  for (const item of items) {
    requireText(item.sku, 'items.sku');
    if (skus.has(item.sku)) throw invalidItems(`SKU ${item.sku} is listed twice`, { sku: item.sku });
    skus.add(item.sku);
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw invalidItems(`The quantity of ${item.sku} must be a whole number of at least 1`, { sku: item.sku });
    if (!Number.isInteger(item.unitPrice) || item.unitPrice < 0) throw invalidItems(`The unit price of ${item.sku} must be whole fen`, { sku: item.sku });
    const bought = item.purchasedQuantity;
    if (bought !== undefined && (!Number.isInteger(bought) || bought < item.quantity)) {
      throw invalidItems(`${item.sku}: more comes back (${item.quantity}) than the order line had (${bought})`, { sku: item.sku });
    }
  }
}

/** Items as stored: only the fields given. */
export function itemsOf(intake: Pick<RequestIntake, 'items'>): ItemLine[] {
  return intake.items.map((i) =>
    Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as unknown as ItemLine,
  );
}
