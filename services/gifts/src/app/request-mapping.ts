import { consumed } from '@cs/nest-common';
import type { ClassConstructor } from 'class-transformer';
import type { SkuQuantity } from '../shared/gifts-actor.js';

/** A domain command without the envelope the handler adds (time and actor) and any field it reads from state (`Added`). */
export type CommandBody<C, Added extends PropertyKey = never> = C extends unknown ? Omit<C, 'now' | 'actor' | Added> : never;

/** One RPC action: its request class and the field-by-field mapping to the domain command. */
export interface RpcAction<R, C, Added extends PropertyKey = never> {
  dto: ClassConstructor<R>;
  map: (request: R) => CommandBody<C, Added>;
}

/** An action table entry; `map` only ever receives what `dto` validated, so the narrower request type is safe. */
export function rpcAction<K, R extends K, C, Added extends PropertyKey = never>(
  dto: ClassConstructor<R>,
  map: (request: R) => CommandBody<C, Added>,
): RpcAction<K, C, Added> {
  return { dto, map } as unknown as RpcAction<K, C, Added>;
}

/** `{ sku, quantity }` lines, mapped field by field from their DTOs. */
export function skuLines(lines: ReadonlyArray<SkuQuantity>): SkuQuantity[] {
  return lines.map(({ sku, quantity, ...rest }) => {
    consumed(rest);
    return { sku, quantity };
  });
}
