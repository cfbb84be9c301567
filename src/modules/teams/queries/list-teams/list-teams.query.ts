import { Query } from '@nestjs/cqrs';
import type { TeamPageDto } from '../../dto/team.dto';

/** The teams the user belongs to, most recently joined first (keyset pages). */
export class ListTeamsQuery extends Query<TeamPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
