import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { RespondInvitationCommand } from './commands/respond-invitation/respond-invitation.command';
import { InvitationTokenDto } from './dto/team-invitation.dto';
import { TeamDto } from './dto/team.dto';

const ANSWER_PROBLEMS =
  'Unknown, revoked, replaced (resent) or used token: 404 `teams.invitation_invalid`; expired: ' +
  '410 `teams.invitation_expired`; signed in with another address than the invited one: 403 ' +
  '`teams.invitation_email_mismatch`.';

/**
 * `/v1/team-invitations`: the invitee's answer. The frontend page of the
 * emailed link posts its token (opening the link changes nothing).
 */
@ApiTags('teams')
@Controller({ path: 'team-invitations', version: '1' })
@Access('user')
export class TeamInvitationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accept')
  @HttpCode(200)
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Accept an invitation: join the team', description: ANSWER_PROBLEMS })
  @ApiOkResponse({ type: TeamDto })
  @ApiProblems(400, 403, 404, 410)
  accept(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InvitationTokenDto,
  ): Promise<TeamDto> {
    return this.commands.execute(
      new RespondInvitationCommand(principal.userId, body.token, 'accept'),
    ) as Promise<TeamDto>;
  }

  @Post('decline')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({ summary: 'Decline an invitation', description: ANSWER_PROBLEMS })
  @ApiNoContentResponse({ description: 'Declined' })
  @ApiProblems(400, 403, 404, 410)
  async decline(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InvitationTokenDto,
  ): Promise<void> {
    await this.commands.execute(
      new RespondInvitationCommand(principal.userId, body.token, 'decline'),
    );
  }
}
