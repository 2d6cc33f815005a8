import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';

/** Builds `cls` from each plain object of an array so @ValidateNested({ each: true }) checks them. */
export function NestedEach<T>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? plainToInstance(cls, v) : v))
      : value,
  );
}
