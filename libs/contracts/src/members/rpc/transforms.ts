import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';

// @Transform rather than @Type: @Type needs reflect-metadata loaded before the contracts are imported.

/** Builds `cls` from a nested plain object so @ValidateNested checks it; other values pass through. */
export function NestedInstance<T>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform(({ value }) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? plainToInstance(cls, value) : value,
  );
}

/** Turns a numeric query-string value into a number; numbers and anything else pass through. */
export function NumericString(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value));
}
