import { Param, type PipeTransform } from '@nestjs/common';
import { Problem } from '@lib/problems';
import { SLUG_PATTERN } from './content/slug';

class SlugPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.length <= 80 && SLUG_PATTERN.test(value)) return value;
    throw Problem.badRequest('validation.failed', 'A slug is lower-case words joined by "-"', [
      { path: '$.slug', message: 'must be lower-case letters and digits joined by "-"' },
    ]);
  }
}

/** The `:slug` route parameter: anything that is not a slug is a 400 before any lookup. */
export const SlugParam = (): ParameterDecorator => Param('slug', new SlugPipe());

export const SLUG_PARAM = { name: 'slug', example: 'cv-mistakes', description: 'The post’s slug' };
