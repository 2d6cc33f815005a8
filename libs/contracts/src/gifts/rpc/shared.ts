import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { GIFT_SKU_PATTERN, MAX_GIFT_QUANTITY } from '../gift-vocabulary.js';

export const notBlank = { message: '$property must not be blank' };
export const NOT_BLANK = /\S/;
export const skuMessage = { message: '$property must be a gift SKU (A-Z, 0-9, dashes)' };

/** One SKU and a quantity of it. */
export class GiftQuantityLineDto {
  @IsString() @Matches(GIFT_SKU_PATTERN, skuMessage) sku: string;
  @IsInt() @Min(1) @Max(MAX_GIFT_QUANTITY) quantity: number;
}

/** Builds `cls` from each plain object of an array so @ValidateNested({ each: true }) checks it. */
export function NestedInstances<T>(cls: ClassConstructor<T>): PropertyDecorator {
  return Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((item: unknown) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? plainToInstance(cls, item) : item))
      : value,
  );
}
