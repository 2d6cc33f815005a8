/** Who acts on a gifts aggregate: the authenticated caller, or `system:<process>` for timers and consumers. */
export interface GiftsActor {
  id: string;
  role: string;
  name?: string;
  storeId?: string;
}

/** The envelope every gifts command carries. */
export interface GiftsCommandEnvelope {
  now: string;
  actor: GiftsActor;
}

/** `at` and `by` of every stored event. */
export function stamp(command: GiftsCommandEnvelope): { at: string; by: string } {
  return { at: command.now, by: command.actor.id };
}

/** One SKU and a quantity, as on every line of a plan, request, dispatch or receipt. */
export interface SkuQuantity {
  sku: string;
  quantity: number;
}

/** The first SKU that appears twice, if any. */
export function duplicateSku(lines: readonly { sku: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { sku } of lines) {
    if (seen.has(sku)) return sku;
    seen.add(sku);
  }
  return undefined;
}
