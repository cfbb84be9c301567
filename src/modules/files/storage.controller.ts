import { Controller, Get, Inject, Param, Query as QueryParams, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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
import { byteRange } from './byte-range';
import { filesProblems } from './files.problems';

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
    description: 'The object, with the media type it was stored with',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({
    status: 206,
    description: 'The requested byte range (Range: bytes=…)',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(403, 404, 416)
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
    void reply
      .header('content-type', info.contentType)
      .header('cache-control', cache)
      .header('accept-ranges', 'bytes')
      // Stored content is never run as a page on our origin.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-type-options', 'nosniff');
    const range = byteRange(request.headers.range, info.size);
    if (range === 'unsatisfiable') {
      void reply.header('content-range', `bytes */${info.size}`);
      throw filesProblems.problem('storage.range_not_satisfiable');
    }
    if (range) {
      await reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${info.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(await driver.getStream(bucket, key, range));
      return;
    }
    await reply.header('content-length', info.size).send(await driver.getStream(bucket, key));
  }
}
