import type { Problem } from '@lib/problems';
import { FILE_TYPES, type FileType } from '../file-types';
import { FILE_KINDS, type FileKind } from '../file-kinds';
import { filesProblems } from '../files.problems';

/** The problems an upload can run into, with stable codes. */
export const fileProblems = {
  tooLarge(kind: FileKind): Problem {
    const limit = FILE_KINDS[kind].maxBytes;
    return filesProblems.problem(
      'files.too_large',
      `A ${kind} may be at most ${limit / (1024 * 1024)} MB`,
      { limit },
    );
  },
  unsupportedType(kind: FileKind, detail: string): Problem {
    const allowed = FILE_KINDS[kind].types.flatMap((t) => FILE_TYPES[t].extensions);
    return filesProblems.problem('files.unsupported_type', detail, {
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
    return filesProblems.problem('files.not_ready', `The file is ${status}, not ready`, {
      fileStatus: status,
    });
  },
};
