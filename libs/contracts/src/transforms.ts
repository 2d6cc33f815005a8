import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';

// @Transform rather than @Type: @Type needs reflect-metadata loaded before the contracts are imported.

/** Builds `cls` from a nested plain object so @ValidateNested checks it; other values pass through. */
export function NestedInstance<T>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform(({ value }) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? plainToInstance(cls, value) : value,
  );
}

/** An integer from a path or query string ('2' → 2); anything else passes through to fail validation. */
export function IntegerString(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value));
}

/** 'true' / 'false' from a query string → boolean; anything else passes through. */
export function BooleanString(): PropertyDecorator {
  return Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** `NestedInstance` for an array of nested objects: each plain object element becomes `cls`. */
export function NestedInstances<T>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? plainToInstance(cls, v) : v))
      : value,
  );
}
