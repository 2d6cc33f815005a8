import type { ClassConstructor } from 'class-transformer';
import { RpcError, validatePayload } from '@cs/messaging';

/**
 * The fields `validatePayload` (what every service applies to its input) rejects for `payload`,
 * or [] when it accepts it. Fails the test if the rejection is anything but a validation error.
 */
export async function rejectedFields(cls: ClassConstructor<object>, payload: unknown): Promise<string[]> {
  try {
    await validatePayload(cls, payload);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).kind).toBe('validation');
    return [...new Set(((error as RpcError).errors ?? []).map((e) => e.field ?? '(object)'))];
  }
}
