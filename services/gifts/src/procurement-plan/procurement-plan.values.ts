export interface ProcurementPlanLine {
  sku: string;
  quantity: number;
  /** Integer minor units (fen) per unit. */
  estimatedUnitCost?: number;
  basis?: string;
}

/** Still to come in per SKU: planned less received. */
export function outstanding(lines: readonly ProcurementPlanLine[], received: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(lines.map((l) => [l.sku, l.quantity - (received[l.sku] ?? 0)]));
}
