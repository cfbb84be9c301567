import { Problem } from '@lib/problems';
import { FILE_TYPES, type FileType } from '../file-types';
import { FILE_KINDS, type FileKind } from '../file-kinds';

/** The problems an upload can run into, with stable codes. */
export const fileProblems = {
  tooLarge(kind: FileKind): Problem {
    const limit = FILE_KINDS[kind].maxBytes;
    return new Problem(
      413,
      'files.too_large',
      'Payload too large',
      `A ${kind} may be at most ${limit / (1024 * 1024)} MB`,
      { limit },
    );
  },
  unsupportedType(kind: FileKind, detail: string): Problem {
    const allowed = FILE_KINDS[kind].types.flatMap((t) => FILE_TYPES[t].extensions);
    return new Problem(415, 'files.unsupported_type', 'Unsupported media type', detail, {
      allowed: [...new Set(allowed)],
    });
  },
  typeMismatch(kind: FileKind, type: FileType, extension: string): Problem {
    return fileProblems.unsupportedType(
      kind,
      `The content is ${type.toUpperCase()} but the file is named .${extension}`,
    );
  },
  notReady(status: string): Problem {
    return new Problem(409, 'files.not_ready', 'Conflict', `The file is ${status}, not ready`, {
      fileStatus: status,
    });
  },
};
