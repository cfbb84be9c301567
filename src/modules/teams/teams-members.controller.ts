import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { ChangeMemberRoleCommand } from './commands/change-member-role/change-member-role.command';
import { RemoveMemberCommand } from './commands/remove-member/remove-member.command';
import { ChangeMemberRoleDto, TeamMemberDto, TeamMemberListDto } from './dto/team-member.dto';
import { ListMembersQuery } from './queries/list-members/list-members.query';
import { UuidParam } from './team-params';

/** `/v1/teams/{id}/members`: who is in the team, their roles, removal. */
@ApiTags('teams')
@Controller({ path: 'teams/:id/members', version: '1' })
@Access('user')
export class TeamsMembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({
    summary: 'The members in join order',
    description:
      '`frozen`: over the seat limit since a downgrade (the latest to join): read-only until seats return.',
  })
  @ApiOkResponse({ type: TeamMemberListDto })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamMemberListDto> {
    return this.queries.execute(
      new ListMembersQuery(principal.userId, id, query.limit, query.cursor),
    );
  }

  @Patch(':userId')
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Make a member an admin or a plain member (owner)' })
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiProblems(400, 403, 404, 409)
  changeRole(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('userId') userId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<TeamMemberDto> {
    return this.commands.execute(
      new ChangeMemberRoleCommand(principal.userId, id, userId, body.role),
    );
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Remove a member (owner; admins remove plain members)',
    description:
      'Their access to the team’s documents ends with their next request. The owner cannot be ' +
      'removed (409 `teams.last_owner`).',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 403, 404, 409)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveMemberCommand(principal.userId, id, userId));
  }
}
