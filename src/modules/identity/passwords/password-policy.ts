import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** bcrypt reads only the first 72 bytes: longer passwords are refused, never silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

let commonPasswords: Set<string> | undefined;

/**
 * Common passwords long enough to pass the length rule (the shorter ones fail it anyway),
 * built on the first password checked rather than at boot: the zxcvbn dictionaries are ~10 MB.
 */
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
    const { dictionary } = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    commonPasswords = new Set(
      dictionary['passwords-common']
        .filter((p) => p.length >= PASSWORD_MIN_LENGTH)
        .map((p) => p.toLowerCase()),
    );
  }
  return commonPasswords.has(password.toLowerCase());
}

/** What is wrong with a new password, in words a user can act on; empty when acceptable. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  const characters = [...password].length;
  if (characters < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (characters > PASSWORD_MAX_LENGTH) {
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  } else if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    problems.push(
      `must be at most ${PASSWORD_MAX_BYTES} bytes (fewer accented or non-Latin characters)`,
    );
  }
  if (isCommonPassword(password)) {
    problems.push('is too common; choose one that is not on lists of leaked passwords');
  }
  return problems;
}

/** Validates a new password with passwordProblems(); each problem becomes a message on the field. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && passwordProblems(value).length === 0,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? `${args.property} ${passwordProblems(args.value).join('; ')}`
            : `${args?.property} must be a string`,
      },
    });
}
