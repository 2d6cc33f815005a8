import 'reflect-metadata';
import { Transform, plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  validate,
} from 'class-validator';
import { IsCalendarDate, IsInstant } from '@cs/contracts';
import { coerceQuery, schemaFromDto } from './schema-from-dto.js';
import { flattenValidationErrors } from '../http/validation.js';

class Customer {
  @IsString() @Length(1, 50) name: string;
  @IsString() @Matches(/^1\d{10}$/) mobile: string;
}

class Line {
  @IsString() sku: string;
  @IsInt() @Min(1) quantity: number;
}

class FileRequest {
  @IsIn(['phone', 'store']) channel: string;
  @IsOptional() @IsEmail() email?: string;
  @ValidateNested() @Transform(({ value }) => (value && typeof value === 'object' ? plainToInstance(Customer, value) : value)) customer: Customer;
  @IsOptional() @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => plainToInstance(Line, v)) : value))
  lines?: Line[];
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

/** Either `memberId` or `contact` (the shape of FileComplaintRequest): neither is required on its own. */
class EitherRequest {
  @IsString() description: string;
  @ValidateIf((o: EitherRequest) => o.contact === undefined) @IsDefined() @IsString() memberId?: string;
  @ValidateIf((o: EitherRequest) => o.memberId === undefined) @IsDefined() @ValidateNested()
  @Transform(({ value }) => (value && typeof value === 'object' ? plainToInstance(Customer, value) : value))
  contact?: Customer;
}

class Query {
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsBoolean() breached?: boolean;
  @IsOptional() @IsString() cursor?: string;
  @IsOptional() @IsString({ each: true }) ids?: string[];
}

describe('schemaFromDto', () => {
  const schema = schemaFromDto(FileRequest);

  it('should list required properties and refuse others', () => {
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['channel', 'customer']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('should not list properties validated only conditionally (@ValidateIf) as required', () => {
    const either = schemaFromDto(EitherRequest);
    expect(either.required).toEqual(['description']);
    expect(either.properties!.memberId).toEqual({ type: 'string' });
    expect(either.properties!.contact).toMatchObject({ type: 'object', required: ['name', 'mobile'] });
  });

  it('should describe enums, formats and string bounds', () => {
    expect(schema.properties!.channel).toEqual({ enum: ['phone', 'store'] });
    expect(schema.properties!.email).toEqual({ type: 'string', format: 'email' });
  });

  it('should describe nested objects and arrays of nested objects', () => {
    expect(schema.properties!.customer).toMatchObject({
      type: 'object',
      required: ['name', 'mobile'],
      properties: { name: { type: 'string', minLength: 1, maxLength: 50 }, mobile: { type: 'string', pattern: '^1\\d{10}$' } },
    });
    expect(schema.properties!.lines).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'object', required: ['sku', 'quantity'], properties: { quantity: { type: 'integer', minimum: 1 } } },
    });
    expect(schema.properties!.tags).toEqual({ type: 'array', items: { type: 'string' } });
  });
});

class WhenRequest {
  @IsInstant() at: string;
  @IsCalendarDate() day: string;
}

describe('schemaFromDto with the shared contract validators', () => {
  it('documents instants as date-time and calendar dates as date', () => {
    const schema = schemaFromDto(WhenRequest) as { properties: Record<string, { type?: string; format?: string }> };
    expect(schema.properties.at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.properties.day).toMatchObject({ type: 'string', format: 'date' });
  });
});

describe('coerceQuery', () => {
  it('should convert numbers, booleans and comma lists by the declared types', () => {
    expect(coerceQuery(Query, { limit: '20', breached: 'true', cursor: '123', ids: 'a,b' })).toEqual({
      limit: 20,
      breached: true,
      cursor: '123',
      ids: ['a', 'b'],
    });
  });

  it('should leave values that do not convert for the validators to name', () => {
    expect(coerceQuery(Query, { limit: 'abc', breached: 'yes', other: '1' })).toEqual({ limit: 'abc', breached: 'yes', other: '1' });
  });
});

describe('flattenValidationErrors', () => {
  it('should name nested fields with their path', async () => {
    const instance = plainToInstance(FileRequest, { channel: 'fax', customer: { name: '', mobile: '12' }, lines: [{ sku: 'A', quantity: 0 }] });
    const fields = flattenValidationErrors(await validate(instance)).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'customer.name', 'customer.mobile', 'lines.0.quantity']));
  });
});
