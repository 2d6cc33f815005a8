import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { IntegrationEnvelope } from '@cs/contracts';
import { PermanentMessageError } from './durable-consumer.js';

/**
 * The envelope's data as an instance of its contract class. A payload that fails its contract
 * can never succeed: a PermanentMessageError, so the consumer dead-letters it at once, naming
 * the fields that failed.
 */
export async function contractData<T extends object>(contract: ClassConstructor<T>, envelope: IntegrationEnvelope): Promise<T> {
  const value = plainToInstance(contract, envelope.data);
  const errors = await validate(value);
  if (errors.length) {
    throw new PermanentMessageError(`${envelope.type} v${envelope.version} failed validation: ${errors.map((e) => e.property).join(', ')}`);
  }
  return value;
}
