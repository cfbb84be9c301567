import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventStore } from '@lib/event-store';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import type { TeamAuditPageDto } from '../../dto/team-audit.dto';
import { TEAM_STREAM } from '../../events/teams.events';
import { TeamAccess } from '../../team-access';
import { TeamAuditQuery } from './team-audit.query';

/** Only the team's stream is read: the audit never shows members' other activity, ips or agents. */
@QueryHandler(TeamAuditQuery)
export class TeamAuditHandler implements IQueryHandler<TeamAuditQuery, TeamAuditPageDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventStore,
    private readonly access: TeamAccess,
  ) {}

  async execute({ userId, teamId, limit, cursor }: TeamAuditQuery): Promise<TeamAuditPageDto> {
    const em = this.em.fork();
    await this.access.require(em, teamId, userId, 'read', 'TeamAudit');
    const before = cursor
      ? Number(decodeCursor(cursor, { version: CURSOR_FIELD.seq }).version)
      : undefined;
    const rows = await this.events.readStream(em, TEAM_STREAM, teamId, {
      beforeVersion: before,
      limit: limit + 1,
      newestFirst: true,
    });
    return cursorPage(
      rows,
      limit,
      (row) => ({
        id: row.id,
        type: row.type,
        occurredAt: row.occurredAt.toISOString(),
        actor: row.metadata.actor ?? null,
        data: row.payload,
      }),
      (last) => ({ version: String(last.version) }),
    );
  }
}
