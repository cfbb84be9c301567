import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Problem, type FieldError } from '@lib/problems';

/** Flattens class-validator's tree into one entry per failed field with a JSON path. */
export function toFieldErrors(errors: ValidationError[], parent = '$'): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...toFieldErrors(error.children ?? [], path)];
  });
}

/** Whitelist + forbid unknown fields + transform; failures become `validation.failed`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      return Problem.badRequest(
        'validation.failed',
        `${fieldErrors.length} field(s) failed validation`,
        fieldErrors,
      );
    },
  });
}

/**
 * Validates a plain value (not a request body) against a DTO class with the
 * same rules as the global pipe; errors carry paths under `root`, e.g.
 * `$.layout.theme.accentColor`. Returns the validated instance or the errors.
 */
export function validateAgainst<T extends object>(
  cls: new () => T,
  value: unknown,
  root = '$',
): { value: T; errors: [] } | { value?: undefined; errors: FieldError[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { errors: [{ path: root, message: 'must be an object' }] };
  }
  const instance = plainToInstance(cls, value);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length > 0
    ? { errors: toFieldErrors(errors, root) }
    : { value: instance, errors: [] };
}
