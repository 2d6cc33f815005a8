import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { rememberValidationLookups } from './validation-metadata-cache.js';

describe('remembered validation lookups', () => {
  rememberValidationLookups();
  class Base {
    @IsString() name!: string;
  }
  const lookup = () => (getMetadataStorage() as any).getTargetValidationMetadatas(Base, '', true, false, undefined);
  const failing = async <T extends object>(cls: new () => T, plain: object) => (await validate(plainToInstance(cls, plain))).map((e) => e.property);

  it('answers the same rules for a class without walking every class again', async () => {
    expect(await failing(Base, { name: 1 })).toEqual(['name']);
    expect(lookup()).toBe(lookup());
  });

  it('sees a class registered after the first validation, with its inherited rules', async () => {
    expect(await failing(Base, { name: 'x' })).toEqual([]);
    class Derived extends Base {
      @IsInt() count!: number;
    }
    expect((await failing(Derived, { name: 2, count: 'many' })).sort()).toEqual(['count', 'name']);
  });

  it('sees a rule added to a class it already remembered', async () => {
    const before = lookup();
    IsInt()(Base.prototype, 'age');
    expect(lookup()).not.toBe(before);
    expect(await failing(Base, { name: 'x', age: 'old' })).toEqual(['age']);
  });
});
