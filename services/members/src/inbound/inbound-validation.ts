import type { ClassConstructor } from 'class-transformer';
import { DomainError } from '@cs/eventstore';
import { PermanentMessageError, RpcError, validatePayload } from '@cs/messaging';

/** A payload that fails its contract will never succeed: dead-lettered at once. */
export async function contractPayload<T extends object>(cls: ClassConstructor<T>, type: string, data: unknown): Promise<T> {
  try {
    return await validatePayload(cls, data);
  } catch (error) {
    if (error instanceof RpcError) throw new PermanentMessageError(`${type} failed validation: ${(error.errors ?? []).map((e) => e.field).join(', ')}`);
    throw error;
  }
}

/**
 * A refusal is permanent except "not found": the account or purchase it refers to may simply not
 * have been recorded yet (the feeds are not ordered against each other), so that one is retried.
 */
export function asMessageOutcome(error: unknown, retriable: readonly string[]): never {
  if (error instanceof DomainError && !retriable.includes(error.code)) throw new PermanentMessageError(`${error.code}: ${error.message}`);
  throw error;
}
