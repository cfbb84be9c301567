import { Query } from '@nestjs/cqrs';
import type { TeamDetailDto } from '../../dto/team.dto';

/** One team the user belongs to, with its seats (404 for non-members). */
export class GetTeamQuery extends Query<TeamDetailDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
  ) {
    super();
  }
}
