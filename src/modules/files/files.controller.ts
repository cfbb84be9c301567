import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query as QueryParams,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rm } from 'node:fs/promises';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { Idempotent, IdempotencyInterceptor, requestFingerprint } from '../idempotency';
import { DeleteFileCommand } from './commands/delete-file/delete-file.command';
import { UploadFileCommand } from './commands/upload-file/upload-file.command';
import {
  FileContentQueryDto,
  FileDto,
  FilePageDto,
  FileVariantDto,
  ListFilesQueryDto,
  UPLOAD_BODY_SCHEMA,
} from './dto/file.dto';
import { FILE_KINDS } from './file-kinds';
import { FILE_TYPES } from './file-types';
import { GetFileContentQuery } from './queries/get-file-content/get-file-content.query';
import { GetFileQuery } from './queries/get-file/get-file.query';
import { ListFilesQuery } from './queries/list-files/list-files.query';
import { readMultipartUpload } from './upload/read-multipart-upload';

const LIMITS = Object.entries(FILE_KINDS)
  .map(
    ([kind, rule]) =>
      `\`${kind}\` ${rule.maxBytes / (1024 * 1024)} MB (${[
        ...new Set(rule.types.flatMap((t) => FILE_TYPES[t].extensions)),
      ].join(', ')})`,
  )
  .join('; ');

@ApiTags('files')
@ApiExtraModels(FileVariantDto)
@Controller({ path: 'files', version: '1' })
@Access('user')
export class FilesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly idempotency: IdempotencyInterceptor,
  ) {}

  @Post()
  @RateLimit('uploads')
  // The body streams into the handler: the key's fingerprint is the file's SHA-256 and the fields.
  @Idempotent({ streamed: true })
  @ApiOperation({
    summary: 'Upload a file (answers `pending`; scanned and processed in the background)',
    description:
      `Multipart with \`kind\` first, then \`file\`. Limits: ${LIMITS}. The format is read ` +
      'from the content (413 over the limit, 415 when the content is not allowed for the kind ' +
      'or disagrees with the file name). Every file is virus-scanned before it becomes ' +
      '`ready`; an infected one is deleted and `rejected` with reason `infected`. Poll ' +
      'GET /v1/files/{id} for the outcome.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: FileDto })
  @ApiProblems(400, 413, 415)
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FileDto> {
    const { kind, upload } = await readMultipartUpload(request);
    try {
      const body = { kind, file: { name: upload.originalName, sha256: upload.sha256 } };
      return await this.idempotency.once(
        request,
        reply,
        201,
        requestFingerprint(request, body),
        () => this.commands.execute(new UploadFileCommand(principal.userId, kind, upload)),
      );
    } finally {
      await rm(upload.tempPath, { force: true });
    }
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s files, newest first' })
  @ApiOkResponse({ type: FilePageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: ListFilesQueryDto,
  ): Promise<FilePageDto> {
    return this.queries.execute(
      new ListFilesQuery(principal.userId, query.limit, query.cursor, query.kind, query.status),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the caller’s files, with its processing status' })
  @ApiOkResponse({ type: FileDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<FileDto> {
    return this.queries.execute(new GetFileQuery(principal.userId, id));
  }

  @Get(':id/content')
  @ApiOperation({
    summary: 'Redirect to the file’s content (or a variant)',
    description:
      'Private files: a signed URL valid for a few minutes. Public files: their permanent ' +
      'public URL. 409 `files.not_ready` while pending or when rejected.',
  })
  @ApiFoundResponse({ description: 'Location holds the URL of the content' })
  @ApiProblems(400, 404, 409)
  async content(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: FileContentQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { url } = await this.queries.execute(
      new GetFileContentQuery(principal.userId, id, query.variant),
    );
    await reply.header('cache-control', 'no-store').redirect(url, 302);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a file with all its variants' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  delete(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new DeleteFileCommand(principal.userId, id));
  }
}
