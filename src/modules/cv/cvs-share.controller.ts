import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { RevokeShareCommand } from './commands/revoke-share/revoke-share.command';
import { ShareCvCommand } from './commands/share-cv/share-cv.command';
import { CvShareDto, ShareCvDto } from './dto/cv-share.dto';
import { GetShareQuery } from './queries/get-share/get-share.query';

/** `/v1/cvs/{id}/share`: the CV's link; visitors open it under /v1/public/cvs. */
@ApiTags('cvs')
@Controller({ path: 'cvs/:id/share', version: '1' })
@Access('user')
export class CvSharingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
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

  @Get()
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'The CV’s current link (404 `cv_share.not_found` when not shared)' })
  @ApiOkResponse({ type: CvShareDto })
  @ApiProblems(400, 404)
  getShare(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<CvShareDto> {
    return this.queries.execute(new GetShareQuery(principal, id));
  }

  @Delete()
  @HttpCode(204)
  @ApiKeyScope('cv:write')
  @ApiOperation({ summary: 'Stop sharing: the link stops working at once' })
  @ApiNoContentResponse({ description: 'Not shared any more' })
  @ApiProblems(400, 404)
  revoke(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    return this.commands.execute(new RevokeShareCommand(principal, id));
  }
}
