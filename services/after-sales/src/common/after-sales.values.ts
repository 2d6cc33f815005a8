import type { Actor } from '@cs/eventstore';

/**
 * Vocabularies shared by the return/exchange and repair aggregates (§1.4.2, §1.4.3). The published
 * contracts repeat these lists: stored events are private and may evolve apart from them.
 */
export const REQUEST_TYPES = ['return', 'exchange', 'repair'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const RETURN_REASONS = ['quality', 'damaged', 'wrong_item', 'not_satisfied', 'size_fit', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const SERVICE_MODES = ['on_site', 'carry_in', 'mail_in', 'salesperson_carry'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const WARRANTY_STATUSES = ['in', 'out', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

/** Who called the repair in (R72: a dealer or property manager hears the result at completion). */
export const REPORTERS = ['end_user', 'dealer', 'property_manager'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** Where a request came from: the customer (in a store, by phone, online) or a complaint's compensation. */
export const REQUEST_ORIGINS = ['customer', 'complaint_compensation'] as const;
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];

export interface Customer {
  name: string;
  mobile: string;
}

/** One order line concerned by the request; `quantity` is what comes back, money in fen. */
export interface ItemLine {
  sku: string;
  name: string;
  size?: string;
  colour?: string;
  /** Product category for the non-returnable rules; `default` when absent. */
  category?: string;
  quantity: number;
  purchasedQuantity?: number;
  unitPrice: number;
}

/** The complaint compensation a request was opened for (exactly one request per grant). */
export interface CompensationRef {
  complaintId: string;
  solutionNo: number;
  amount?: number;
}

/** What every request records at filing, whatever its type. */
export interface RequestIntake {
  requestNo?: string;
  storeId: string;
  regionId?: string;
  memberId?: string;
  customer?: Customer;
  orderRef?: string;
  /** Local date (YYYY-MM-DD) the customer received the goods. */
  receivedOn?: string;
  items: ItemLine[];
  reason: ReturnReason;
  description: string;
  warranty: WarrantyStatus;
  linkedComplaintId?: string;
  origin: RequestOrigin;
  compensation?: CompensationRef;
}

export const DEFAULT_CATEGORY = 'default';

export const categoryOf = (item: Pick<ItemLine, 'category'>): string => item.category ?? DEFAULT_CATEGORY;

/** What was paid for the lines, in fen. */
export const paidFor = (items: readonly ItemLine[]): number => items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);

export const unitsOf = (items: readonly ItemLine[]): number => items.reduce((sum, i) => sum + i.quantity, 0);

export type RequestActor = Pick<Actor, 'id' | 'role' | 'name' | 'storeId'>;
