import { Query } from '@nestjs/cqrs';
import type { TeamAuditPageDto } from '../../dto/team-audit.dto';

/** The team's own events from the event store, newest first (owner, admin). */
export class TeamAuditQuery extends Query<TeamAuditPageDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
