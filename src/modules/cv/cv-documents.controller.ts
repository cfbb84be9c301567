import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  Query as QueryParams,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { ImportCvFileCommand } from './commands/import-cv-file/import-cv-file.command';
import {
  AtsCheckDto,
  AtsReportDto,
  ImportCvFileDto,
  ImportedCvDto,
  RenderOptionsQueryDto,
} from './dto/cv-export.dto';
import { FORCED_RENDER, sendHtml, sendPdf, wantsFreshRender } from './exports/responses';
import { AtsCheckQuery } from './queries/ats-check/ats-check.query';
import { RenderCvQuery } from './queries/render-cv/render-cv.query';
import { etag } from './versions/if-match';

const TEMPLATE_PROBLEM =
  'A premium template without the `premiumTemplates` feature: 403 `plan.upgrade_required`.';

/** A CV rendered: HTML preview, PDF download, ATS check; and CVs made from uploaded files. */
@ApiTags('cvs')
@Controller({ path: 'cvs', version: '1' })
@Access('user')
export class CvDocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':id/preview')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    summary: 'The CV as HTML in its template (or `template`/`pageSize` given), for previews',
    description:
      'Self-contained HTML served with a strict Content-Security-Policy (no scripts, no requests). ' +
      TEMPLATE_PROBLEM,
  })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'HTML page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 403, 404)
  async preview(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: RenderOptionsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const rendered = await this.queries.execute(new RenderCvQuery(principal, id, 'html', query));
    return sendHtml(reply, rendered.body.toString());
  }

  @Get(':id/pdf')
  @ApiKeyScope('cv:read')
  @RateLimit('pdfRender', FORCED_RENDER)
  @ApiHeader({
    name: 'Cache-Control',
    required: false,
    description: '`no-cache` renders again instead of serving the stored copy (and replaces it)',
  })
  @ApiOperation({
    summary: 'The CV as a PDF, served from the cache when this content was rendered before',
    description:
      'Cached in storage by a sha-256 of (document, layout, template, page size, renderer version); ' +
      '`X-Cache: hit|miss` tells which. `Content-Disposition` carries the file name (RFC 5987). ' +
      'Forced renders (`Cache-Control: no-cache`) are limited per user by plan (`pdfRender`, 429). ' +
      `${TEMPLATE_PROBLEM} Renderer saturated: 503 \`cv.renderer_unavailable\` (retryable).`,
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 403, 404, 429, 503)
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: RenderOptionsQueryDto,
    @Headers('cache-control') cacheControl: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const rendered = await this.queries.execute(
      new RenderCvQuery(principal, id, 'pdf', query, wantsFreshRender(cacheControl)),
    );
    return sendPdf(
      reply,
      rendered.body as Buffer,
      rendered.fileName,
      'attachment',
      rendered.cached,
    );
  }

  @Post(':id/ats-check')
  @HttpCode(200)
  @ApiKeyScope('cv:read')
  @RateLimit('atsCheck')
  @ApiOperation({
    summary: 'How an applicant tracking system reads the CV’s PDF',
    description:
      'Renders the PDF, extracts its text back and scores it 0–100: sections recognised, contact ' +
      'details, reading order, dates, length and, with a job description, its keywords matched and missing.',
  })
  @ApiOkResponse({ type: AtsReportDto })
  @ApiProblems(400, 404, 429, 503)
  atsCheck(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: AtsCheckDto,
  ): Promise<AtsReportDto> {
    return this.queries.execute(new AtsCheckQuery(principal, id, body.jobDescription));
  }

  @Post('import/file')
  @ApiKeyScope('cv:write')
  @RateLimit('cvImport')
  @ApiOperation({
    summary: 'Create a draft CV from an uploaded PDF or DOCX (`cv-file`)',
    description:
      'The file’s text (read when it was scanned) is parsed into JSON Resume by the AI writer ' +
      '(`provider: local`, a rule-based parser, when no AI key is configured). Counts against the CV ' +
      'quota, checked before the parser runs; each import is recorded as AI usage (`parse`) and ' +
      'limited per user by plan (`cvImport`, 429). Still being scanned: 409 `file.not_ready`; rejected: 422 `file.rejected`; no text: ' +
      '422 `cv.import_no_text`; someone else’s or unknown: 404 `file.not_found`.',
  })
  @ApiCreatedResponse({ type: ImportedCvDto })
  @ApiProblems(400, 403, 404, 409, 422, 429, 503)
  async importFile(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ImportCvFileDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportedCvDto> {
    const cv = await this.commands.execute(new ImportCvFileCommand(principal, body.fileId));
    void reply.header('ETag', etag(cv.version));
    return cv;
  }
}
