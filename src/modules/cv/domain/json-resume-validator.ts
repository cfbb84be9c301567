import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import jsonResumeSchema from '@jsonresume/schema/schema.json';
import type { FieldError } from '@lib/problems';
import type { ResumeDocument } from './resume';

let compiled: ValidateFunction<ResumeDocument> | undefined;

/** The schema is compiled on the first validation, not at boot. */
function schemaValidator(): ValidateFunction<ResumeDocument> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile<ResumeDocument>(jsonResumeSchema as object);
  }
  return compiled;
}

/**
 * Checks a document against the official JSON Resume schema and lists every
 * problem with its JSON path (`$.work[0].startDate`). Validation never changes
 * the document: unknown properties are the schema's business, and it allows them.
 */
export function validateJsonResume(document: unknown, root = '$'): FieldError[] {
  const nul = nulCharacters(document, root);
  const validateSchema = schemaValidator();
  if (validateSchema(document)) return nul;
  return [
    ...(validateSchema.errors ?? []).map((error) => ({
      path: root + pointerToPath(error.instancePath) + missingProperty(error),
      message: message(error),
    })),
    ...nul,
  ];
}

/** PostgreSQL's jsonb cannot store U+0000: refuse it up front instead of failing on insert. */
function nulCharacters(value: unknown, path: string): FieldError[] {
  const found: FieldError[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node === 'string') {
      if (node.includes('\u0000')) found.push({ path: at, message: 'must not contain U+0000' });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const child = `${at}${pointerToPath(`/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)}`;
        if (key.includes('\u0000'))
          found.push({ path: child, message: 'name must not contain U+0000' });
        visit(item, child);
      }
    }
  };
  visit(value, path);
  return found;
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
