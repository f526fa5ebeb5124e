import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isEncryptedField } from './encrypted-field';

/** For consumer DTOs: the field arrives encrypted (`{ "$pii": 1, ... }`), never in plain text. */
export function IsEncryptedPersonalData(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEncryptedPersonalData',
      validator: {
        validate: (value: unknown) => isEncryptedField(value),
        defaultMessage: () => '$property must be an encrypted personal field ({ "$pii": 1, ... })',
      },
    },
    options,
  );
}
