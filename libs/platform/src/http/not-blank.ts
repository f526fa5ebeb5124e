import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/**
 * A text with something in it besides white space. `@IsNotEmpty` lets `"   "` through, and a
 * name of only spaces is no name. Pair it with `@IsString()`; the constraint is `isNotBlank`.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && value.trim() !== '',
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must not be blank`,
          options,
        ),
      },
    },
    options,
  );
}
