import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** The subset of JSON Schema (OpenAPI 3 flavour) we derive from class-validator decorators. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

type Ctor = new (...args: never[]) => object;

/** The class class-transformer would build for `prop` (declared with @Type), else the design type. */
function nestedClass(cls: Ctor, prop: string): Ctor | undefined {
  try {
    const probe = plainToInstance(cls as never, { [prop]: [{}] }) as Record<string, unknown>;
    const viaArray = Array.isArray(probe[prop]) ? (probe[prop] as object[])[0]?.constructor : undefined;
    if (viaArray && viaArray !== Object) return viaArray as Ctor;
    const single = (plainToInstance(cls as never, { [prop]: {} }) as Record<string, unknown>)[prop] as object | undefined;
    if (single?.constructor && single.constructor !== Object && single.constructor !== Array) return single.constructor as Ctor;
  } catch {
    // a @Transform that cannot take an empty probe: fall back to the design type
  }
  const design = Reflect.getMetadata?.('design:type', cls.prototype, prop) as Ctor | undefined;
  return design && ![Object, Array, String, Number, Boolean].includes(design as never) ? design : undefined;
}

function enumValues(constraint: unknown): unknown[] {
  if (Array.isArray(constraint)) return constraint;
  const obj = constraint as Record<string, unknown>;
  // numeric TS enums carry reverse mappings: keep the values, not the names
  return Object.keys(obj)
    .filter((k) => !(typeof obj[obj[k] as string] === 'number' && typeof obj[k] === 'string'))
    .map((k) => obj[k]);
}

/** Applies one class-validator constraint to a schema; unknown constraints leave it unchanged. */
function apply(schema: JsonSchema, meta: ValidationMetadata): void {
  const c = meta.constraints ?? [];
  switch (meta.name) {
    case 'isString': schema.type = 'string'; break;
    case 'isInt': schema.type = 'integer'; break;
    case 'isNumber': case 'isNumberString': schema.type = schema.type ?? 'number'; break;
    case 'isBoolean': schema.type = 'boolean'; break;
    case 'isArray': schema.type = 'array'; schema.items = schema.items ?? {}; break;
    case 'isObject': schema.type = 'object'; break;
    case 'isEnum': case 'isIn': schema.enum = enumValues(c[0]); break;
    case 'isDateString': case 'isISO8601': case 'isInstant': schema.type = 'string'; schema.format = 'date-time'; break;
    case 'isCalendarDate': case 'isBirthDate': schema.type = 'string'; schema.format = 'date'; break;
    case 'isEmail': schema.type = 'string'; schema.format = 'email'; break;
    case 'isUUID': schema.type = 'string'; schema.format = 'uuid'; break;
    case 'isNotEmpty': if (schema.type === 'string' || schema.type === undefined) schema.minLength = Math.max(schema.minLength ?? 0, 1); break;
    case 'minLength': schema.minLength = c[0]; break;
    case 'maxLength': schema.maxLength = c[0]; break;
    case 'isLength': schema.minLength = c[0]; if (c[1] !== undefined) schema.maxLength = c[1]; break;
    case 'min': schema.minimum = c[0]; break;
    case 'max': schema.maximum = c[0]; break;
    case 'isPositive': schema.minimum = schema.type === 'integer' ? 1 : Math.max(schema.minimum ?? 0, 0); break;
    case 'arrayMinSize': schema.minItems = c[0]; break;
    case 'arrayMaxSize': schema.maxItems = c[0]; break;
    case 'matches': schema.pattern = c[0] instanceof RegExp ? c[0].source : String(c[0]); break;
    default: break;
  }
}

/**
 * Builds a JSON schema for a class-validator DTO from its decorators (what `@ApiProperty`
 * would otherwise describe), nested classes included.
 */
export function schemaFromDto(cls: Ctor, seen: Set<Ctor> = new Set()): JsonSchema {
  const schema: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
  if (seen.has(cls)) return { type: 'object' };
  seen.add(cls);
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const byProp = new Map<string, ValidationMetadata[]>();
  for (const m of metas) byProp.set(m.propertyName, [...(byProp.get(m.propertyName) ?? []), m]);
  const required: string[] = [];
  for (const [prop, list] of byProp) {
    // @IsOptional and @ValidateIf both make the property's validation conditional: not required
    const optional = list.some((m) => m.type === 'conditionalValidation');
    if (!optional) required.push(prop);
    const property: JsonSchema = {};
    if (list.some((m) => m.each || m.name === 'isArray')) {
      property.type = 'array';
      property.items = {};
    }
    for (const m of list) {
      if (m.type === 'nestedValidation') {
        const nested = nestedClass(cls, prop);
        const nestedSchema = nested ? schemaFromDto(nested, new Set(seen)) : { type: 'object' as const };
        if (property.type === 'array') property.items = nestedSchema;
        else Object.assign(property, nestedSchema);
      } else if (m.each && m.name !== 'isArray' && property.items) {
        apply(property.items, m);
      } else {
        apply(property, m);
      }
    }
    if (property.items && Object.keys(property.items).length === 0) property.items = {};
    schema.properties![prop] = property;
  }
  if (required.length) schema.required = required;
  return schema;
}

/**
 * Query strings carry text only: converts the values whose schema says number, integer, boolean
 * or array so the DTO's validators see the intended types. Values that do not convert cleanly
 * are left as they are and the validators then name the field.
 */
export function coerceQuery(cls: Ctor, query: Record<string, unknown>): Record<string, unknown> {
  const properties = schemaFromDto(cls).properties ?? {};
  const out: Record<string, unknown> = { ...query };
  const scalar = (type: JsonSchema['type'], value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };
  for (const [key, value] of Object.entries(query)) {
    const p = properties[key];
    if (!p) continue;
    if (p.type === 'array') {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value;
      out[key] = Array.isArray(list) ? list.map((v) => scalar(p.items?.type, v)) : list;
    } else {
      out[key] = scalar(p.type, value);
    }
  }
  return out;
}
