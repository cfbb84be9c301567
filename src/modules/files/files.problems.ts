import { defineProblems } from '@lib/problems';

/** Uploads, stored files and signed storage links. */
export const filesProblems = defineProblems({
  'files.multipart_required': {
    status: 415,
    description: 'Uploads are `multipart/form-data` with the fields `kind` and `file`.',
  },
  'files.kind_first': { status: 400, description: 'Send the `kind` field before the file.' },
  'files.too_large': {
    status: 413,
    description: 'The file is larger than its kind allows (`limit` in bytes).',
  },
  'files.unsupported_type': {
    status: 415,
    description: 'The content is not a type the kind accepts (`allowed` lists extensions).',
  },
  'files.not_ready': {
    status: 409,
    description: 'The file is still being scanned and processed, or was rejected (`fileStatus`).',
  },
  'files.rejected': {
    status: 422,
    description: 'The file was rejected (malware or unreadable; `reason`) and cannot be used.',
  },
  'files.not_a_profile_image': {
    status: 422,
    description:
      'Only a `profile-image` upload with square renditions can be a picture (upload it again as one).',
  },
  'files.variant_not_found': { status: 404, description: 'The file has no such variant.' },
  'storage.signature_invalid': {
    status: 403,
    description: 'The signed storage link is invalid or has expired.',
  },
  'storage.range_not_satisfiable': {
    status: 416,
    description: 'The requested byte range is outside the content.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    files: typeof filesProblems;
  }
}
