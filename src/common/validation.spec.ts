import type { ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { toFieldErrors, validateAgainst } from './validation';

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

describe('validateAgainst', () => {
  class Theme {
    @IsOptional()
    @IsString()
    font?: string;
  }
  class Layout {
    @IsIn(['a', 'b'])
    template!: string;

    @IsOptional()
    @ValidateNested()
    @Type(() => Theme)
    theme?: Theme;
  }

  it('returns the instance when valid', () => {
    const result = validateAgainst(Layout, { template: 'a', theme: { font: 'x' } });
    expect(result.errors).toEqual([]);
    expect(result.value).toBeInstanceOf(Layout);
  });

  it('lists errors under the given root, unknown fields included', () => {
    const result = validateAgainst(
      Layout,
      { template: 'c', theme: { font: 1 }, extra: 1 },
      '$.layout',
    );
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      '$.layout.extra',
      '$.layout.template',
      '$.layout.theme.font',
    ]);
    expect(validateAgainst(Layout, [1], '$.layout').errors).toEqual([
      { path: '$.layout', message: 'must be an object' },
    ]);
  });
});
