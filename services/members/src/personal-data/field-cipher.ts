import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One personal value sealed with AES-256-GCM under a member's data key, as a string that takes
 * the value's place in the stored event: `pii:v1:<kind>:<base64url(iv | tag | ciphertext)>`.
 * The subject (member id) is authenticated with it, so a sealed value moved to another member's
 * event does not open. The kind says what to show once the key is gone: a string becomes
 * ERASED, an object `{}`, an array `[]`, so folds and projections keep their shapes.
 */
const PREFIX = 'pii:v1:';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const ERASED = '[erased]';

type Kind = 's' | 'o' | 'a' | 'j';

const kindOf = (value: unknown): Kind => (typeof value === 'string' ? 's' : Array.isArray(value) ? 'a' : value !== null && typeof value === 'object' ? 'o' : 'j');

export const newDataKey = (): Buffer => randomBytes(32);

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

export function seal(key: Buffer, subject: string, value: unknown): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(subject, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${PREFIX}${kindOf(value)}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The value sealed; a value sealed for another subject or altered fails (GCM authentication). */
export function open(key: Buffer, subject: string, sealed: string): unknown {
  const packed = Buffer.from(sealed.slice(PREFIX.length + 2), 'base64url');
  const decipher = createDecipheriv(ALGORITHM, key, packed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(subject, 'utf8'));
  decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return JSON.parse(Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'));
}

const placeholder = (kind: Kind): unknown => (kind === 'o' ? {} : kind === 'a' ? [] : kind === 'j' ? null : ERASED);

/** What a sealed value reads as once its key is deleted. */
export function erased(sealed: string): unknown {
  return placeholder(sealed.charAt(PREFIX.length) as Kind);
}

/** The placeholder of a plain value (stored instead of it when the key is already deleted). */
export function erasedOf(value: unknown): unknown {
  return placeholder(kindOf(value));
}
