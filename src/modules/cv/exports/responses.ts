import type { RateLimitCondition } from '@lib/rate-limit';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../rendering/download-name';
import { STRICT_CSP } from '../rendering/render-cv-html';

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
  /** Whether it came from the render cache; documents that are never cached leave it out. */
  cached?: boolean,
): Buffer {
  void reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', contentDisposition(fileName, disposition))
    .header('Cache-Control', 'private, no-store');
  if (cached !== undefined) void reply.header('X-Cache', cached ? 'hit' : 'miss');
  return pdf;
}

/** `Cache-Control: no-cache` on the request asks for a fresh render (HTTP semantics: do not serve a stored copy). */
export function wantsFreshRender(cacheControl: string | string[] | undefined): boolean {
  const value = Array.isArray(cacheControl) ? cacheControl.join(',') : cacheControl;
  return !!value && /(^|,)\s*no-cache\s*(,|$)/i.test(value);
}

/** Forced renders bypass the cache: each one is a Chromium render, so they are metered (`pdfRender`). */
export const FORCED_RENDER: RateLimitCondition = {
  description: 'requests with `Cache-Control: no-cache`',
  applies: (request) => wantsFreshRender(request.headers['cache-control']),
};
