import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { Problem } from '@lib/problems';
import { isFileKind, FILE_KIND_NAMES, type FileKind } from '../file-kinds';
import { receiveUpload, type ReceivedUpload } from './receive-upload';
import { filesProblems } from '../files.problems';

/**
 * Reads `multipart/form-data` with the `kind` field first, then `file`. The
 * kind must come first because it sets the size limit and formats that are
 * checked while the file streams in. Resolves once the file is spooled.
 */
export async function readMultipartUpload(
  request: FastifyRequest,
): Promise<{ kind: FileKind; upload: ReceivedUpload }> {
  if (!request.isMultipart()) {
    throw filesProblems.problem(
      'files.multipart_required',
      'Send the file as multipart/form-data with the fields kind and file',
    );
  }
  let kind: FileKind | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname !== 'kind') throw invalid(part.fieldname, 'is not a known field');
      if (!isFileKind(part.value)) {
        throw invalid('kind', `must be one of: ${FILE_KIND_NAMES.join(', ')}`);
      }
      kind = part.value;
      continue;
    }
    if (part.fieldname !== 'file') throw invalid(part.fieldname, 'is not a known field');
    if (!kind) {
      part.file.resume(); // discard the file: we cannot check it without its kind
      throw Problem.badRequest('files.kind_first', 'Send the kind field before the file', [
        { path: 'kind', message: 'must come before file' },
      ]);
    }
    const upload = await receiveUpload(kind, part.filename, part.file);
    if (part.file.truncated) throw filesProblems.problem('files.too_large');
    return { kind, upload };
  }
  throw Problem.badRequest('validation.failed', 'The file field is missing', [
    { path: 'file', message: 'is required' },
    ...(kind ? [] : [{ path: 'kind', message: 'is required' }]),
  ]);
}

function invalid(path: string, message: string): Problem {
  return Problem.badRequest('validation.failed', `${path} ${message}`, [{ path, message }]);
}
