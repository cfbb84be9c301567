import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import jsonResumeSchema from '@jsonresume/schema/schema.json';
import type { FieldError } from '@lib/problems';
import type { ResumeDocument } from './resume';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile<ResumeDocument>(jsonResumeSchema as object);

/**
 * Checks a document against the official JSON Resume schema and lists every
 * problem with its JSON path (`$.work[0].startDate`). Validation never changes
 * the document: unknown properties are the schema's business, and it allows them.
 */
export function validateJsonResume(document: unknown, root = '$'): FieldError[] {
  if (validateSchema(document)) return [];
  return (validateSchema.errors ?? []).map((error) => ({
    path: root + pointerToPath(error.instancePath) + missingProperty(error),
    message: message(error),
  }));
}

function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((token) =>
      /^\d+$/.test(token)
        ? `[${token}]`
        : /^[A-Za-z_$][\w$]*$/.test(token)
          ? `.${token}`
          : `[${JSON.stringify(token)}]`,
    )
    .join('');
}

function missingProperty(error: ErrorObject): string {
  return error.keyword === 'required'
    ? `.${(error.params as { missingProperty: string }).missingProperty}`
    : '';
}

function message(error: ErrorObject): string {
  if (error.keyword === 'pattern' && error.schemaPath.includes('iso8601')) {
    return 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD';
  }
  if (error.keyword === 'format') {
    return `must be a valid ${(error.params as { format: string }).format}`;
  }
  return error.message ?? 'is invalid';
}
