import { registerDecorator, type ValidationOptions } from 'class-validator';

import { isCalendarDate } from '../../validators.js';

export { isCalendarDate, IsCalendarDate } from '../../validators.js';

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
