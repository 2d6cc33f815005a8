import { duplicateSku, type SkuQuantity } from '../shared/gifts-actor.js';
import { giftRequestDuplicateLine, giftRequestLinesRequired, giftRequestQuantityInvalid } from './gift-request.errors.js';

/** Lines of a request or kit: at least one, no SKU twice, positive whole quantities (`allowZero` for approvals). */
export function requireLines(lines: readonly SkuQuantity[], allowZero = false): void {
  if (lines.length === 0) throw giftRequestLinesRequired();
  const duplicate = duplicateSku(lines);
  if (duplicate) throw giftRequestDuplicateLine(duplicate);
  for (const l of lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < (allowZero ? 0 : 1)) throw giftRequestQuantityInvalid(l.sku, l.quantity);
  }
}
