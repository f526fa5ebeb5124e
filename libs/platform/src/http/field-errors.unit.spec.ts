import type { ValidationError } from 'class-validator';
import { flattenValidationErrors, pointerToken } from './field-errors';

const error = (
  property: string,
  constraints: Record<string, string> = {},
  children: ValidationError[] = [],
): ValidationError => ({ property, constraints, children });

describe('field errors as JSON pointers (HTTP) or dotted paths (dead letters)', () => {
  it('points into nested objects and arrays', () => {
    const errors = [
      error('nik', { matches: 'nik must be 16 digits' }),
      error('heirs', {}, [
        error('0', {}, [error('bankAccount', {}, [error('accountName', { isNotBlank: 'blank' })])]),
      ]),
    ];
    expect(flattenValidationErrors(errors, 'json-pointer')).toEqual([
      { field: '/nik', constraint: 'matches', message: 'nik must be 16 digits' },
      { field: '/heirs/0/bankAccount/accountName', constraint: 'isNotBlank', message: 'blank' },
    ]);
    // Dead letters keep the contracts' dotted form.
    expect(flattenValidationErrors(errors).map((error) => error.field)).toEqual([
      'nik',
      'heirs.0.bankAccount.accountName',
    ]);
  });

  it('escapes ~ and / in a property name (RFC 6901)', () => {
    expect(pointerToken('a/b~c')).toBe('a~1b~0c');
  });
});
