import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';

/** Like `NestedInstance`, for an array of plain objects; other values pass through to fail validation. */
export function NestedInstances<T>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? plainToInstance(cls, v as object) : v)) : value,
  );
}
