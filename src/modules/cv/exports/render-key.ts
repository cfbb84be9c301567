import { createHash } from 'node:crypto';
import type { CvLayout, ResumeDocument } from '../domain/resume';
import type { ExportFormat } from '../entities/cv-export.entity';

/**
 * Part of every cache key: bump it whenever templates, fonts or the renderer
 * change what a CV looks like, so stale cached files are never served.
 */
export const RENDERER_VERSION = 'cv-render-2'; // 2: headings in the CV's language

export const FORMAT_FILES: Readonly<
  Record<ExportFormat, { extension: 'pdf' | 'docx' | 'json' | 'html'; contentType: string }>
> = {
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  'json-resume': { extension: 'json', contentType: 'application/json' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
};

/** What a rendered file is made of; equal targets give equal keys. */
export interface RenderTarget {
  ownerId: string;
  cvId: string;
  document: ResumeDocument;
  layout: CvLayout;
  format: ExportFormat;
}

/**
 * sha-256 of (owner, format, document, layout, renderer version) over JSON with
 * sorted keys, and the object key `exports/<hash>.<ext>` in the `cv-files` bucket.
 * The owner is included so an object never belongs to two accounts.
 */
export function renderKey(target: RenderTarget): { hash: string; storageKey: string } {
  const hash = createHash('sha256')
    .update(
      canonicalJson({
        renderer: RENDERER_VERSION,
        ownerId: target.ownerId,
        format: target.format,
        document: target.document,
        layout: target.layout,
      }),
    )
    .digest('hex');
  return { hash, storageKey: `exports/${hash}.${FORMAT_FILES[target.format].extension}` };
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}
