import { ValidationPipe, type ValidationError } from '@nestjs/common';
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
