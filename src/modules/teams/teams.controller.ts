import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
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
import { CreateTeamCommand } from './commands/create-team/create-team.command';
import { DeleteTeamCommand } from './commands/delete-team/delete-team.command';
import { RemoveMemberCommand } from './commands/remove-member/remove-member.command';
import { RenameTeamCommand } from './commands/rename-team/rename-team.command';
import { TransferOwnershipCommand } from './commands/transfer-ownership/transfer-ownership.command';
import { TransferOwnershipDto } from './dto/team-member.dto';
import { ChangeSeatsCommand } from './commands/change-seats/change-seats.command';
import {
  ChangeSeatsDto,
  CreateTeamDto,
  TeamDetailDto,
  TeamDto,
  TeamPageDto,
  UpdateTeamDto,
} from './dto/team.dto';
import { GetTeamQuery } from './queries/get-team/get-team.query';
import { ListTeamsQuery } from './queries/list-teams/list-teams.query';

/**
 * `/v1/teams`: teams themselves (create, list, read, rename, delete), leaving
 * and transferring ownership. Anyone may belong to a team; creating one needs
 * Premium (`teamCollaboration`). A team you are not in is a 404.
 */
@ApiTags('teams')
@Controller({ path: 'teams', version: '1' })
@Access('user')
export class TeamsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @Access('user', { feature: 'teamCollaboration' })
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Create a team; the caller is its owner',
    description:
      'Premium (`teamCollaboration`). Its seats come from the owner’s subscription quantity.',
  })
  @ApiCreatedResponse({ type: TeamDto })
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTeamDto): Promise<TeamDto> {
    return this.commands.execute(new CreateTeamCommand(principal.userId, body.name));
  }

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({ summary: 'The teams the caller belongs to, most recently joined first' })
  @ApiOkResponse({ type: TeamPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamPageDto> {
    return this.queries.execute(new ListTeamsQuery(principal.userId, query.limit, query.cursor));
  }

  @Get(':id')
  @ApiKeyScope('teams:read')
  @ApiOperation({ summary: 'One team, with the caller’s role and the seats' })
  @ApiOkResponse({ type: TeamDetailDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<TeamDetailDto> {
    return this.queries.execute(new GetTeamQuery(principal.userId, id));
  }

  @Patch(':id')
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Rename the team (owner)' })
  @ApiOkResponse({ type: TeamDto })
  @ApiProblems(400, 403, 404)
  rename(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: UpdateTeamDto,
  ): Promise<TeamDto> {
    return this.commands.execute(new RenameTeamCommand(principal.userId, id, body.name));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Delete the team (owner)',
    description: 'Members, invitations and shares go; the documents stay with their owners.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 403, 404)
  async delete(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new DeleteTeamCommand(principal.userId, id));
  }

  @Post(':id/leave')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Leave the team',
    description:
      'Access to its shared documents ends at once. The owner cannot leave (409 ' +
      '`teams.last_owner`): transfer ownership first.',
  })
  @ApiNoContentResponse({ description: 'Left' })
  @ApiProblems(400, 404, 409)
  async leave(@CurrentPrincipal() principal: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new RemoveMemberCommand(principal.userId, id, principal.userId));
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Transfer ownership to another member (owner)',
    description:
      'The member becomes the owner (seats then come from their subscription); the caller stays as an admin.',
  })
  @ApiOkResponse({ type: TeamDto })
  @ApiProblems(400, 403, 404)
  transfer(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: TransferOwnershipDto,
  ): Promise<TeamDto> {
    return this.commands.execute(new TransferOwnershipCommand(principal.userId, id, body.userId));
  }

  @Patch(':id/seats')
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Change the seats (owner): the quantity of the owner’s Premium subscription',
    description:
      'Stripe updates the subscription item’s quantity (prorated); the local driver applies it. ' +
      'Fewer seats than members freezes the latest to join (read-only, nothing deleted); more ' +
      'unfreezes them. No Premium subscription: 404 `billing.no_subscription`.',
  })
  @ApiOkResponse({ type: TeamDetailDto })
  @ApiProblems(400, 403, 404, 409, 502, 503)
  seats(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: ChangeSeatsDto,
  ): Promise<TeamDetailDto> {
    return this.commands.execute(new ChangeSeatsCommand(principal.userId, id, body.seats));
  }
}
