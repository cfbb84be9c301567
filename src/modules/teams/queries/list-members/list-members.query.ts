import { Query } from '@nestjs/cqrs';
import type { TeamMemberListDto } from '../../dto/team-member.dto';

/** The team's members in join order (members only). */
export class ListMembersQuery extends Query<TeamMemberListDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
