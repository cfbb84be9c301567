import { Controller, Get, Inject, Param, Query as QueryParams, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  BUCKET_NAMES,
  BUCKETS,
  isBucketName,
  LocalStorageDriver,
  STORAGE_PORT,
  type StoragePort,
} from '@lib/providers';
import { Problem } from '@lib/problems';
import { Access, ApiProblems } from '../../common/access.decorator';

/**
 * Serves objects of the local storage driver (with the S3 driver, clients
 * read from S3 and this answers 404). Public buckets need no signature;
 * private objects need the signature and expiry of a signed URL.
 */
@ApiTags('files')
@Controller({ path: 'storage', version: '1' })
@Access('public')
export class StorageController {
  constructor(@Inject(STORAGE_PORT) private readonly storage: StoragePort) {}

  @Get(':bucket/*')
  @ApiOperation({
    summary: 'Read a stored object (local storage driver)',
    description: 'Links come from GET /v1/files/{id}/content; private ones expire after minutes.',
  })
  @ApiParam({ name: 'bucket', enum: BUCKET_NAMES.filter((b) => b !== 'quarantine') })
  @ApiParam({
    name: 'path',
    description: 'Object key (may contain slashes)',
    example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f/01936f0e-8c1d-7e2f-8a3b-4c5d6e7f8091/w256.webp',
  })
  @ApiQuery({
    name: 'expires',
    type: String,
    required: false,
    description: 'Unix time the signature ends (private buckets)',
  })
  @ApiQuery({ name: 'signature', type: String, required: false, description: 'From a signed URL' })
  @ApiOkResponse({
    description: 'The object',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(403, 404)
  async read(
    @Param('bucket') bucket: string,
    @Req() request: FastifyRequest<{ Params: { '*': string } }>,
    @QueryParams('expires') expires: string | undefined,
    @QueryParams('signature') signature: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const key = request.params['*'];
    const driver = this.storage;
    if (
      !(driver instanceof LocalStorageDriver) ||
      !isBucketName(bucket) ||
      bucket === 'quarantine'
    ) {
      throw Problem.notFound('Object');
    }
    let allowed: boolean;
    try {
      allowed = driver.mayServe(bucket, key, expires, signature);
    } catch {
      throw Problem.notFound('Object'); // an unsafe key names no object
    }
    if (!allowed) {
      throw Problem.forbidden('storage.signature_invalid', 'The link is invalid or has expired');
    }
    const info = await driver.info(bucket, key).catch(() => undefined);
    if (!info) throw Problem.notFound('Object');
    const cache = BUCKETS[bucket].public
      ? 'public, max-age=31536000, immutable'
      : 'private, no-store';
    await reply
      .header('content-type', info.contentType)
      .header('content-length', info.size)
      .header('cache-control', cache)
      // Stored content is never run as a page on our origin.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-type-options', 'nosniff')
      .send(await driver.getStream(bucket, key));
  }
}
