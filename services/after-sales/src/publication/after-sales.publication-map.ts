import type { Publication } from '@cs/messaging';

/** Stored after-sales events → public contracts. None is published yet. */
export function afterSalesPublicationMap(): Publication[] {
  return [];
}
