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
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { commonProblems, Problem } from '@lib/problems';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { validateAgainst } from '../../common/validation';
import { CreateCvCommand } from './commands/create-cv/create-cv.command';
import { DeleteCvCommand } from './commands/delete-cv/delete-cv.command';
import { DuplicateCvCommand } from './commands/duplicate-cv/duplicate-cv.command';
import { ImportCvFileCommand } from './commands/import-cv-file/import-cv-file.command';
import { UpdateCvCommand, type CvChange } from './commands/update-cv/update-cv.command';
import {
  CreateCvDto,
  CvDto,
  CvMergePatchDto,
  CvPageDto,
  CvSectionUpdateDto,
  DOCUMENT_SCHEMA,
  DuplicateCvDto,
  ImportJsonResumeQueryDto,
  TITLE_MAX,
} from './dto/cv.dto';
import {
  AtsCheckDto,
  AtsReportDto,
  ImportCvFileDto,
  ImportedCvDto,
  RenderOptionsQueryDto,
} from './dto/cv-export.dto';
import { CvStatsDto, StatsQueryDto } from './dto/cv-share.dto';
import { CvDiffDto, DiffQueryDto } from './dto/cv-version.dto';
import type { ResumeDocument } from './domain/resume';
import { FORCED_RENDER, sendHtml, sendPdf, wantsFreshRender } from './exports/responses';
import { AtsCheckQuery } from './queries/ats-check/ats-check.query';
import { DiffVersionsQuery } from './queries/diff-versions/diff-versions.query';
import { GetStatsQuery } from './queries/get-stats/get-stats.query';
import { RenderCvQuery } from './queries/render-cv/render-cv.query';
import { GetCvQuery } from './queries/get-cv/get-cv.query';
import { ListCvsQuery } from './queries/list-cvs/list-cvs.query';
import { etag, expectedVersion } from './versions/if-match';
import { Idempotent } from '../idempotency';

export const MERGE_PATCH = 'application/merge-patch+json';

const TEMPLATE_PROBLEM =
  'A premium template without the `premiumTemplates` feature: 403 `plan.upgrade_required`.';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    'The ETag of the version the change is based on, e.g. `"3"`; `*` overwrites whatever is there.',
};

/**
 * `/v1/cvs`: CVs themselves (list, create, import, read, change, delete, duplicate), and what is
 * made from one CV: its HTML preview, PDF, JSON Resume export, ATS check, diff between two
 * versions and link statistics. Longer prefixes have their own files: cvs-versions, cvs-share,
 * cvs-exports, cvs-ai.
 */
@ApiTags('cvs')
@Controller({ path: 'cvs', version: '1' })
@Access('user')
export class CvsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Create a CV',
    description:
      'The document is JSON Resume (422 `cv.invalid_json_resume` lists every problem); layout fields left ' +
      'out take their defaults. Beyond the plan’s CV quota: 403 `plan.quota_exceeded`; a premium template ' +
      'without the `premiumTemplates` feature: 403 `plan.upgrade_required` (`requiredPlan: pro`).',
  })
  @ApiCreatedResponse({ type: CvDto, headers: { ETag: { description: 'The version, e.g. "1"' } } })
  @ApiProblems(400, 422)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCvDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CvDto> {
    const cv = await this.commands.execute(
      new CreateCvCommand(principal, body.title, body.document ?? {}, body.layout),
    );
    void reply.header('ETag', etag(cv.version));
    return cv;
  }

  @Post('import/json-resume')
  @Idempotent()
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Create a CV from a JSON Resume document',
    description:
      'The body is the document itself, validated against the official schema (`@jsonresume/schema`): ' +
      '422 `cv.invalid_json_resume` with one entry per problem in `errors` (`path` like `$.work[0].startDate`). ' +
      'The document is stored as sent, unknown properties included; the export gives it back unchanged.',
  })
  @ApiBody({ schema: DOCUMENT_SCHEMA })
  @ApiCreatedResponse({ type: CvDto })
  @ApiProblems(400, 422)
  async importJsonResume(
    @CurrentPrincipal() principal: Principal,
    // Taken raw: the validation pipe would strip the unknown properties the round trip must keep.
    @Body() document: unknown,
    @QueryParams() query: ImportJsonResumeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CvDto> {
    const cv = await this.commands.execute(
      new CreateCvCommand(
        principal,
        query.title ?? defaultTitle(document),
        document,
        undefined,
        'json-resume',
      ),
    );
    void reply.header('ETag', etag(cv.version));
    return cv;
  }

  @Get()
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'The caller’s CVs, newest first (without their documents)' })
  @ApiOkResponse({ type: CvPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<CvPageDto> {
    return this.queries.execute(new ListCvsQuery(principal, query.limit, query.cursor));
  }

  @Get(':id')
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'One CV, with `ETag: "<version>"` for conditional updates' })
  @ApiOkResponse({ type: CvDto, headers: { ETag: { description: 'The version, e.g. "3"' } } })
  @ApiProblems(400, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CvDto> {
    const cv = await this.queries.execute(new GetCvQuery(principal, id));
    void reply.header('ETag', etag(cv.version));
    return cv;
  }

  @Patch(':id')
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Change a CV (JSON Merge Patch or section updates); each change is a new version',
    description:
      'Two body formats, chosen by Content-Type:\n\n' +
      '- `application/merge-patch+json` (RFC 7386) on `{title, document, layout}`: objects merge, `null` ' +
      'removes (a removed layout field returns to its default), arrays replace.\n' +
      '- `application/json`: `{title?, layout?, sections?, version?}`, where each key of `sections` replaces ' +
      'that top-level part of the document (`null` removes it) and `layout` changes only the fields given.\n\n' +
      'Optimistic concurrency: send `If-Match: "<version>"` (the ETag) or, in the JSON format, `version`. ' +
      'A stale version: 412 `cv.version_conflict` with `currentVersion`, and nothing changes. Neither sent: ' +
      '428 `cv.precondition_required` (send `If-Match: *` to overwrite deliberately). A change that changes ' +
      'nothing keeps the version.',
    requestBody: {
      required: true,
      content: {
        [MERGE_PATCH]: { schema: { $ref: getSchemaPath(CvMergePatchDto) } },
        'application/json': { schema: { $ref: getSchemaPath(CvSectionUpdateDto) } },
      },
    },
  })
  @ApiHeader(IF_MATCH)
  @ApiExtraModels(CvMergePatchDto, CvSectionUpdateDto)
  @ApiOkResponse({ type: CvDto, headers: { ETag: { description: 'The new version' } } })
  @ApiProblems(400, 404, 412, 415, 422, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Headers('content-type') contentType: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CvDto> {
    let change: CvChange;
    let bodyVersion: number | undefined;
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (mediaType === MERGE_PATCH) {
      change = { kind: 'merge-patch', patch: body };
    } else if (mediaType === 'application/json') {
      const update = validateAgainst(CvSectionUpdateDto, body);
      if (!update.value) {
        throw Problem.badRequest(
          'validation.failed',
          `${update.errors.length} field(s) failed validation`,
          update.errors,
        );
      }
      change = { kind: 'sections', update: update.value };
      bodyVersion = update.value.version;
    } else {
      throw commonProblems.problem(
        'request.unsupported_media_type',
        `Send ${MERGE_PATCH} or application/json`,
      );
    }
    const cv = await this.commands.execute(
      new UpdateCvCommand(principal, id, expectedVersion(ifMatch, bodyVersion), change),
    );
    void reply.header('ETag', etag(cv.version));
    return cv;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiKeyScope('cv:write')
  @ApiOperation({ summary: 'Delete a CV (its public link stops working)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  delete(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new DeleteCvCommand(principal, id));
  }

  @Post(':id/duplicate')
  @Idempotent()
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Copy a CV into a new one (version 1, its own history); counts against the CV quota',
  })
  @ApiCreatedResponse({ type: CvDto })
  @ApiProblems(400, 404)
  duplicate(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: DuplicateCvDto,
  ): Promise<CvDto> {
    return this.commands.execute(new DuplicateCvCommand(principal, id, body.title));
  }

  @Get(':id/export/json-resume')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    summary: 'The CV’s JSON Resume document, exactly as stored (unknown properties included)',
  })
  @ApiOkResponse({ schema: DOCUMENT_SCHEMA })
  @ApiProblems(400, 404)
  async exportJsonResume(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResumeDocument> {
    const cv = await this.queries.execute(new GetCvQuery(principal, id));
    void reply
      .header('ETag', etag(cv.version))
      .header('Content-Disposition', attachment(`${cv.title}.json`));
    return cv.document;
  }

  @Get(':id/preview')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    operationId: 'cvDocuments_preview',
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
    operationId: 'cvDocuments_pdf',
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
    operationId: 'cvDocuments_atsCheck',
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
  @Idempotent()
  @ApiKeyScope('cv:write')
  @RateLimit('cvImport')
  @ApiOperation({
    operationId: 'cvDocuments_importFile',
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

  @Get(':id/diff')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    operationId: 'cvVersions_diff',
    summary: 'What changed between two versions: an RFC 6902 JSON Patch and a readable list',
  })
  @ApiOkResponse({ type: CvDiffDto })
  @ApiProblems(400, 404)
  diff(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: DiffQueryDto,
  ): Promise<CvDiffDto> {
    return this.queries.execute(new DiffVersionsQuery(principal, id, query.from, query.to));
  }

  @Get(':id/stats')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    operationId: 'cvSharing_stats',
    summary: 'Views and downloads of the CV’s link per day, each visitor counted once a day',
  })
  @ApiOkResponse({ type: CvStatsDto })
  @ApiProblems(400, 404)
  stats(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: StatsQueryDto,
  ): Promise<CvStatsDto> {
    return this.queries.execute(new GetStatsQuery(principal, id, query.days));
  }
}

function defaultTitle(document: unknown): string {
  const basics = (document as { basics?: { name?: unknown; label?: unknown } } | null)?.basics;
  const parts = [basics?.name, basics?.label].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return (parts.join(' — ') || 'Imported CV').slice(0, TITLE_MAX);
}

/** `attachment` with an ASCII fallback and the real name RFC 5987-encoded. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
