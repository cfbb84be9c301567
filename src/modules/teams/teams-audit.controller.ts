import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { TeamAuditPageDto } from './dto/team-audit.dto';
import { TeamAuditQuery } from './queries/team-audit/team-audit.query';

/** `/v1/teams/{id}/audit`: what happened in the team, from the event store. */
@ApiTags('teams')
@Controller({ path: 'teams/:id/audit', version: '1' })
@Access('user')
export class TeamsAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({
    summary: 'The team’s audit trail, newest first (owner, admin)',
    description:
      'Team events only (created, renamed, invitations, joins, role changes, removals, transfers, ' +
      'shares, seats), with who did it.',
  })
  @ApiOkResponse({ type: TeamAuditPageDto })
  @ApiProblems(400, 403, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamAuditPageDto> {
    return this.queries.execute(
      new TeamAuditQuery(principal.userId, id, query.limit, query.cursor),
    );
  }
}
