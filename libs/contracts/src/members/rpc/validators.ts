import { registerDecorator, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real YYYY-MM-DD date (no 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A real YYYY-MM-DD date. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date in YYYY-MM-DD format', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** A real YYYY-MM-DD birth date, from 1900-01-01 up to today (UTC). */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBirthDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a YYYY-MM-DD date between 1900-01-01 and today', ...options },
      validator: {
        validate: (value: unknown) =>
          isCalendarDate(value) && value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10),
      },
    });
}
