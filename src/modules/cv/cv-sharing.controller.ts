import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { RevokeShareCommand } from './commands/revoke-share/revoke-share.command';
import { ShareCvCommand } from './commands/share-cv/share-cv.command';
import { CvShareDto, CvStatsDto, ShareCvDto, StatsQueryDto } from './dto/cv-share.dto';
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
