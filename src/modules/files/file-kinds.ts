import type { BucketName } from '@lib/providers';
import type { FileType } from './file-types';

const MB = 1024 * 1024;

export interface FileKindRule {
  bucket: BucketName;
  maxBytes: number;
  types: readonly FileType[];
}

/** What each kind of upload may be (limits and formats from the product brief). */
export const FILE_KINDS = {
  'profile-image': { bucket: 'profile-images', maxBytes: 5 * MB, types: ['jpeg', 'png', 'webp'] },
  'cv-file': { bucket: 'cv-files', maxBytes: 10 * MB, types: ['pdf', 'docx'] },
  'social-image': { bucket: 'social-media', maxBytes: 8 * MB, types: ['jpeg', 'png', 'gif'] },
  'social-video': { bucket: 'social-media', maxBytes: 50 * MB, types: ['mp4', 'mov', 'avi'] },
  'company-logo': { bucket: 'company-logos', maxBytes: 2 * MB, types: ['png', 'svg', 'jpeg'] },
  // Not in the brief: sized like social images, in the formats browsers show.
  'blog-image': { bucket: 'blog-images', maxBytes: 8 * MB, types: ['jpeg', 'png', 'webp', 'gif'] },
} as const satisfies Record<string, FileKindRule>;

export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && Object.hasOwn(FILE_KINDS, value);
}

/** The largest upload any kind allows: the multipart parser's own hard limit. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(FILE_KINDS).map((k) => k.maxBytes));
