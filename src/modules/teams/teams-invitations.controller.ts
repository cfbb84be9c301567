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
import { InviteMemberCommand } from './commands/invite-member/invite-member.command';
import { ResendInvitationCommand } from './commands/resend-invitation/resend-invitation.command';
import { RevokeInvitationCommand } from './commands/revoke-invitation/revoke-invitation.command';
import {
  InviteMemberDto,
  TeamInvitationDto,
  TeamInvitationPageDto,
} from './dto/team-invitation.dto';
import { ListInvitationsQuery } from './queries/list-invitations/list-invitations.query';
import { UuidParam } from './team-params';

/** `/v1/teams/{id}/invitations`: invitations by email (owner, admin). */
@ApiTags('teams')
@Controller({ path: 'teams/:id/invitations', version: '1' })
@Access('user')
export class TeamsInvitationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Invite someone by email (owner, admin)',
    description:
      'The address gets a link valid for 7 days (`/teams/join?token=…`; the token is stored only ' +
      'hashed). Members plus pending invitations may not exceed the seats: 403 ' +
      '`teams.seat_limit_reached` with `seats` (and `requiredPlan` when the owner lost the plan).',
  })
  @ApiCreatedResponse({ type: TeamInvitationDto })
  @ApiProblems(400, 403, 404, 409)
  invite(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: InviteMemberDto,
  ): Promise<TeamInvitationDto> {
    return this.commands.execute(
      new InviteMemberCommand(principal.userId, id, body.email, body.role ?? 'member'),
    );
  }

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({ summary: 'The team’s invitations, newest first (owner, admin)' })
  @ApiOkResponse({ type: TeamInvitationPageDto })
  @ApiProblems(400, 403, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamInvitationPageDto> {
    return this.queries.execute(
      new ListInvitationsQuery(principal.userId, id, query.limit, query.cursor),
    );
  }

  @Post(':invitationId/resend')
  @HttpCode(200)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Send a pending invitation again (owner, admin)',
    description: 'A new link with a new 7-day expiry; the previous link stops working.',
  })
  @ApiOkResponse({ type: TeamInvitationDto })
  @ApiProblems(400, 403, 404)
  resend(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<TeamInvitationDto> {
    return this.commands.execute(new ResendInvitationCommand(principal.userId, id, invitationId));
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Revoke a pending invitation (owner, admin): its link stops working' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 403, 404)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<void> {
    await this.commands.execute(new RevokeInvitationCommand(principal.userId, id, invitationId));
  }
}
