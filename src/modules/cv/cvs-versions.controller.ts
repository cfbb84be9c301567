import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query as QueryParams,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { LabelVersionCommand } from './commands/label-version/label-version.command';
import { RestoreVersionCommand } from './commands/restore-version/restore-version.command';
import { CvDto } from './dto/cv.dto';
import {
  CvVersionDto,
  CvVersionLabelDto,
  CvVersionPageDto,
  LabelVersionDto,
} from './dto/cv-version.dto';
import { GetVersionQuery } from './queries/get-version/get-version.query';
import { ListVersionsQuery } from './queries/list-versions/list-versions.query';
import { etag, expectedVersion } from './versions/if-match';

/** The `:n` route parameter: a version number (1 is the CV as created). */
const VersionParam = () => Param('n', new ParseIntPipe());
const VERSION_PARAM = {
  name: 'n',
  type: Number,
  description: 'Version number, from 1',
  example: 2,
};

/**
 * `/v1/cvs/{id}/versions`: a CV's versions, rebuilt from its events in the event store (never
 * from the current row); restoring and naming one. The diff of two versions is in cvs.controller.ts.
 */
@ApiTags('cvs')
@Controller({ path: 'cvs/:id/versions', version: '1' })
@Access('user')
export class CvVersionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'A CV’s versions, newest first: who changed what, when, and labels' })
  @ApiOkResponse({ type: CvVersionPageDto })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<CvVersionPageDto> {
    return this.queries.execute(new ListVersionsQuery(principal, id, query.limit, query.cursor));
  }

  @Get(':n')
  @ApiKeyScope('cv:read')
  @ApiParam(VERSION_PARAM)
  @ApiOperation({ summary: 'The full CV as it was at version n' })
  @ApiOkResponse({ type: CvVersionDto })
  @ApiProblems(400, 404)
  get(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @VersionParam() n: number,
  ): Promise<CvVersionDto> {
    return this.queries.execute(new GetVersionQuery(principal, id, n));
  }

  @Post(':n/restore')
  @HttpCode(200)
  @ApiKeyScope('cv:write')
  @ApiParam(VERSION_PARAM)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Optional: restore only if the CV is still at this version (else 412)',
  })
  @ApiOperation({
    summary: 'Restore version n: a new version whose content equals version n',
  })
  @ApiOkResponse({ type: CvDto, headers: { ETag: { description: 'The new version' } } })
  @ApiProblems(400, 404, 412)
  async restore(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CvDto> {
    const cv = await this.commands.execute(
      new RestoreVersionCommand(principal, id, n, expectedVersion(ifMatch)),
    );
    void reply.header('ETag', etag(cv.version));
    return cv;
  }

  @Post(':n/label')
  @HttpCode(200)
  @ApiKeyScope('cv:write')
  @ApiParam(VERSION_PARAM)
  @ApiOperation({
    summary: 'Name a version, e.g. "sent to ACME, 2026-11-20" (replaces an earlier name)',
  })
  @ApiOkResponse({ type: CvVersionLabelDto })
  @ApiProblems(400, 404)
  label(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Body() body: LabelVersionDto,
  ): Promise<CvVersionLabelDto> {
    return this.commands.execute(new LabelVersionCommand(principal, id, n, body.label));
  }
}
