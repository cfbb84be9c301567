import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query as QueryParams,
  Req,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Problem } from '@lib/problems';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { OpenSharedCvCommand } from './commands/open-shared-cv/open-shared-cv.command';
import { RevokeShareCommand } from './commands/revoke-share/revoke-share.command';
import { ShareCvCommand } from './commands/share-cv/share-cv.command';
import {
  CvShareDto,
  CvStatsDto,
  PublicCvDto,
  PublicCvQueryDto,
  ShareCvDto,
  StatsQueryDto,
} from './dto/cv-share.dto';
import { GetShareQuery } from './queries/get-share/get-share.query';
import { GetStatsQuery } from './queries/get-stats/get-stats.query';

@ApiTags('cvs')
@Controller({ path: 'cvs/:id', version: '1' })
@Access('user')
export class CvSharingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('share')
  @HttpCode(200)
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Share a CV by link (public or password-protected, optionally expiring)',
    description:
      'Creates the CV’s link, or changes its settings (the link stays the same until revoked). ' +
      'Passwords are stored as bcrypt hashes; visitors send them in `X-Share-Password`.',
  })
  @ApiOkResponse({ type: CvShareDto })
  @ApiProblems(400, 404)
  share(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: ShareCvDto,
  ): Promise<CvShareDto> {
    return this.commands.execute(new ShareCvCommand(principal, id, body));
  }

  @Get('share')
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'The CV’s current link (404 `cv_share.not_found` when not shared)' })
  @ApiOkResponse({ type: CvShareDto })
  @ApiProblems(400, 404)
  getShare(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<CvShareDto> {
    return this.queries.execute(new GetShareQuery(principal, id));
  }

  @Delete('share')
  @HttpCode(204)
  @ApiKeyScope('cv:write')
  @ApiOperation({ summary: 'Stop sharing: the link stops working at once' })
  @ApiNoContentResponse({ description: 'Not shared any more' })
  @ApiProblems(400, 404)
  revoke(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new RevokeShareCommand(principal, id));
  }

  @Get('stats')
  @ApiKeyScope('cv:read')
  @ApiOperation({
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

@ApiTags('public')
@Controller({ path: 'public/cvs', version: '1' })
@Access('public')
export class PublicCvsController {
  constructor(private readonly commands: CommandBus) {}

  @Get(':slug')
  @RateLimit('publicCv')
  @ApiParam({ name: 'slug', description: 'From the share link', example: 'q3mZ0c1Yh8xJ5n2QkP7tRw' })
  @ApiHeader({
    name: 'X-Share-Password',
    required: false,
    description:
      'The password of a password-protected link (a header keeps it out of URLs and logs)',
  })
  @ApiOperation({
    summary: 'A shared CV, without signing in',
    description:
      'Unknown or revoked link: 404; expired: 410 `cv_share.expired`; password-protected: 401 ' +
      '`cv_share.password_required` without `X-Share-Password`, 403 `cv_share.password_invalid` when ' +
      'wrong. Each visitor’s view counts once a day. **Temporary:** only `format=json` is served; `html` ' +
      '(the default) and `pdf` answer 406 `cv_share.format_unavailable` until rendering is wired in.',
  })
  @ApiOkResponse({ type: PublicCvDto })
  @ApiProblems(400, 401, 403, 404, 406, 410)
  open(
    @Param('slug') slug: string,
    @QueryParams() query: PublicCvQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<PublicCvDto> {
    if (query.format !== 'json') {
      // Temporary until the rendering module is wired in: html (view) and pdf (download).
      throw new Problem(
        406,
        'cv_share.format_unavailable',
        'Not acceptable',
        `The ${query.format} format of shared CVs is not available yet; use ?format=json`,
      );
    }
    const password = request.headers['x-share-password'];
    return this.commands.execute(
      new OpenSharedCvCommand(
        slug,
        typeof password === 'string' ? password : undefined,
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' },
        { kind: 'view', format: query.format },
      ),
    );
  }
}
