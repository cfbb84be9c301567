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
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { Idempotent } from '../idempotency';
import { DeleteTemplateCommand } from './commands/delete-template/delete-template.command';
import { SaveTemplateCommand } from './commands/save-template/save-template.command';
import { SaveTemplateDto, TeamTemplateDto, TeamTemplateListDto } from './dto/team-template.dto';
import { ListTemplatesQuery } from './queries/list-templates/list-templates.query';
import { UuidParam } from './team-params';

/** `/v1/teams/{id}/templates`: CV layouts and themes saved for the team. */
@ApiTags('teams')
@Controller({ path: 'teams/:id/templates', version: '1' })
@Access('user')
export class TeamsTemplatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Save a CV layout and theme for the team (owner, admin)',
    description: 'Members apply it to a CV with `PATCH /v1/cvs/{id}` `{layout}`.',
  })
  @ApiCreatedResponse({ type: TeamTemplateDto })
  @ApiProblems(400, 403, 404)
  save(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: SaveTemplateDto,
  ): Promise<TeamTemplateDto> {
    return this.commands.execute(
      new SaveTemplateCommand(principal.userId, id, body.name, body.layout),
    );
  }

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({ summary: 'The team’s saved layouts, newest first (members)' })
  @ApiOkResponse({ type: TeamTemplateListDto })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamTemplateListDto> {
    return this.queries.execute(
      new ListTemplatesQuery(principal.userId, id, query.limit, query.cursor),
    );
  }

  @Delete(':templateId')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Delete a team template (owner, admin)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 403, 404)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('templateId') templateId: string,
  ): Promise<void> {
    await this.commands.execute(new DeleteTemplateCommand(principal.userId, id, templateId));
  }
}
