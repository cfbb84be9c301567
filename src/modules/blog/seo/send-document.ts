import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { weakEtag } from '@lib/cache';
import type { SeoDocument } from './blog-seo';

/** Sends an SEO file with an ETag (304 on If-None-Match) and an hour of shared caching. */
export function sendDocument(reply: FastifyReply, document: SeoDocument): string {
  void reply
    .header('content-type', document.contentType)
    .header('etag', weakEtag(document.body))
    .header('cache-control', 'public, max-age=3600');
  return document.body;
}

/** OpenAPI for an SEO file route: its content type, and 304 when `If-None-Match` matches. */
export function SeoDocumentResponse(contentType: string, type: 'string' | 'object' = 'string') {
  return applyDecorators(
    ApiProduces(contentType),
    ApiOkResponse({ content: { [contentType]: { schema: { type } } } }),
    ApiResponse({ status: 304, description: 'Not modified: `If-None-Match` matched the `ETag`' }),
  );
}
