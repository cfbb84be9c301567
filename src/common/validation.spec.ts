import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

describe('toFieldErrors', () => {
  it('gives nested and array fields JSON paths', () => {
    const errors: ValidationError[] = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'items',
        children: [
          {
            property: '0',
            children: [
              {
                property: 'name',
                constraints: { isString: 'name must be a string' },
                children: [],
              },
            ],
          },
        ],
      },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { path: '$.email', message: 'email must be an email' },
      { path: '$.items[0].name', message: 'name must be a string' },
    ]);
  });
});
