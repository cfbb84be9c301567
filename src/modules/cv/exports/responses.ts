import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../rendering/download-name';

/** Rendered CVs are built from user content: nothing may load or run, only inline styles and data: images/fonts. */
export const STRICT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function sendHtml(reply: FastifyReply, html: string): string {
  void reply
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', STRICT_CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store');
  return html;
}

export function sendPdf(
  reply: FastifyReply,
  pdf: Buffer,
  fileName: string,
  disposition: 'attachment' | 'inline',
  cached: boolean,
): Buffer {
  void reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', contentDisposition(fileName, disposition))
    .header('Cache-Control', 'private, no-store')
    .header('X-Cache', cached ? 'hit' : 'miss');
  return pdf;
}

/** `Cache-Control: no-cache` on the request asks for a fresh render (HTTP semantics: do not serve a stored copy). */
export function wantsFreshRender(cacheControl: string | undefined): boolean {
  return !!cacheControl && /(^|,)\s*no-cache\s*(,|$)/i.test(cacheControl);
}
