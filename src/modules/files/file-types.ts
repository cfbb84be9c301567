/** The formats uploads may have, as recognised from their first bytes (see sniffFileType). */
export const FILE_TYPES = {
  jpeg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
  webp: { mimeType: 'image/webp', extensions: ['webp'] },
  gif: { mimeType: 'image/gif', extensions: ['gif'] },
  svg: { mimeType: 'image/svg+xml', extensions: ['svg'] },
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  // QuickTime-branded files are often named .mp4 and ISO-branded ones .mov: both are accepted.
  mp4: { mimeType: 'video/mp4', extensions: ['mp4', 'm4v', 'mov'] },
  mov: { mimeType: 'video/quicktime', extensions: ['mov', 'mp4'] },
  avi: { mimeType: 'video/x-msvideo', extensions: ['avi'] },
} as const;

export type FileType = keyof typeof FILE_TYPES;

/** The type a stored MIME type stands for (files record the sniffed type's MIME type). */
export function fileTypeOfMime(mimeType: string): FileType {
  const entry = Object.entries(FILE_TYPES).find(([, t]) => t.mimeType === mimeType);
  if (!entry) throw new Error(`Unknown file MIME type ${mimeType}`);
  return entry[0] as FileType;
}
