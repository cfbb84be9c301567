import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  Query as QueryParams,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { etag, expectedVersion, sendHtml, sendPdf } from '../cv';
import { CreateCoverLetterCommand } from './commands/create-cover-letter/create-cover-letter.command';
import { DeleteCoverLetterCommand } from './commands/delete-cover-letter/delete-cover-letter.command';
import { UpdateCoverLetterCommand } from './commands/update-cover-letter/update-cover-letter.command';
import {
  CoverLetterDto,
  CoverLetterPageDto,
  CreateCoverLetterDto,
  UpdateCoverLetterDto,
} from './dto/cover-letter.dto';
import { GetCoverLetterQuery } from './queries/get-cover-letter/get-cover-letter.query';
import { ListCoverLettersQuery } from './queries/list-cover-letters/list-cover-letters.query';
import { ExportCoverLetterDto } from './dto/export-cover-letter.dto';
import { ExportCoverLetterQuery } from './queries/export-cover-letter/export-cover-letter.query';
import { Idempotent } from '../idempotency';

const ETAG_HEADER = { ETag: { description: 'The version, e.g. "2"' } };

/**
 * Cover letters as documents of their own. Writing one needs the AI feature;
 * reading, editing and deleting one's letters does not (they stay the owner's
 * after a downgrade).
 */
@ApiTags('cover-letters')
@Controller({ path: 'cover-letters', version: '1' })
export class CoverLettersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @Access('user', { feature: 'aiEnhancement' })
  @RateLimit('ai')
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Write a cover letter for a job from a CV with the AI writer',
    description:
      'Exactly one of `jobDescription` and `jobId` (400 otherwise). `jobId` answers 422 ' +
      '`cover_letter.job_not_found` until the jobs module exists. Another user’s CV: 404. ' +
      'The provider keeps failing: 503 `ai.unavailable` (with `Retry-After` when known).',
  })
  @ApiCreatedResponse({ type: CoverLetterDto, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 422, 503)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCoverLetterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoverLetterDto> {
    const letter = await this.commands.execute(new CreateCoverLetterCommand(principal, body));
    void reply.header('ETag', etag(letter.version));
    return letter;
  }

  @Get()
  @Access('user')
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'The caller’s cover letters, newest first (without their texts)' })
  @ApiOkResponse({ type: CoverLetterPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<CoverLetterPageDto> {
    return this.queries.execute(new ListCoverLettersQuery(principal, query.limit, query.cursor));
  }

  @Get(':id')
  @Access('user')
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'One cover letter' })
  @ApiOkResponse({ type: CoverLetterDto, headers: ETAG_HEADER })
  @ApiProblems(400, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoverLetterDto> {
    const letter = await this.queries.execute(new GetCoverLetterQuery(principal, id));
    void reply.header('ETag', etag(letter.version));
    return letter;
  }

  @Patch(':id')
  @Access('user')
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Edit a cover letter’s title, text or tone',
    description:
      'Optional `If-Match: "<version>"`: a stale version answers 412 ' +
      '`cover_letter.version_conflict` with `currentVersion`, and nothing changes.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the edit is based on' })
  @ApiOkResponse({ type: CoverLetterDto, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 412)
  async update(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCoverLetterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoverLetterDto> {
    const letter = await this.commands.execute(
      new UpdateCoverLetterCommand(principal, id, expectedVersion(ifMatch), body),
    );
    void reply.header('ETag', etag(letter.version));
    return letter;
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('user')
  @ApiKeyScope('cv:write')
  @ApiOperation({ summary: 'Delete a cover letter' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  delete(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new DeleteCoverLetterCommand(principal, id));
  }

  @Get(':id/export')
  @Access('user')
  @ApiKeyScope('cv:read')
  @RateLimit('browser')
  @ApiOperation({
    summary: 'The cover letter as a PDF or HTML page, styled like its CV',
    description:
      "Rendered under the CV's header (name, headline, contacts) in the CV's template, page size and " +
      'theme; a letter whose CV was deleted uses the default look. Downloads are named after the ' +
      'person (`Content-Disposition`, RFC 5987).',
  })
  @ApiQuery({ name: 'format', enum: ['pdf', 'html'], required: false })
  @ApiProduces('application/pdf', 'text/html')
  @ApiOkResponse({
    description: 'The rendered letter',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiProblems(400, 404, 503)
  async export(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: ExportCoverLetterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const exported = await this.queries.execute(
      new ExportCoverLetterQuery(principal, id, query.format ?? 'pdf'),
    );
    return exported.format === 'html'
      ? sendHtml(reply, exported.html)
      : sendPdf(reply, exported.pdf, exported.fileName, 'attachment');
  }
}
