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
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { commonProblems, Problem } from '@lib/problems';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { validateAgainst } from '../../common/validation';
import { CreateCvCommand } from './commands/create-cv/create-cv.command';
import { DeleteCvCommand } from './commands/delete-cv/delete-cv.command';
import { DuplicateCvCommand } from './commands/duplicate-cv/duplicate-cv.command';
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
import type { ResumeDocument } from './domain/resume';
import { GetCvQuery } from './queries/get-cv/get-cv.query';
import { ListCvsQuery } from './queries/list-cvs/list-cvs.query';
import { etag, expectedVersion } from './versions/if-match';

export const MERGE_PATCH = 'application/merge-patch+json';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    'The ETag of the version the change is based on, e.g. `"3"`; `*` overwrites whatever is there.',
};

@ApiTags('cvs')
@Controller({ path: 'cvs', version: '1' })
@Access('user')
export class CvsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
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
