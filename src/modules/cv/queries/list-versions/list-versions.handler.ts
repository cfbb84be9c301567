import { Inject, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { findOwnCv } from '../../cv.policies';
import { CV_TEAM_ACCESS, type CvTeamAccess } from '../../sharing/team-access';
import type { CvVersionPageDto, CvVersionSummaryDto } from '../../dto/cv-version.dto';
import { CvVersionLabel } from '../../entities/cv-version-label.entity';
import { CvHistory, type CvVersionRecord } from '../../versions/cv-history';
import { ListVersionsQuery } from './list-versions.query';

/** Newest version first; the cursor is a position in the CV's event stream. */
@QueryHandler(ListVersionsQuery)
export class ListVersionsHandler implements IQueryHandler<ListVersionsQuery, CvVersionPageDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly history: CvHistory,
    @Optional() @Inject(CV_TEAM_ACCESS) private readonly teams: CvTeamAccess | null,
  ) {}

  async execute({ actor, cvId, limit, cursor }: ListVersionsQuery): Promise<CvVersionPageDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId, 'read', { teams: this.teams });
    const before = cursor
      ? Number(decodeCursor(cursor, { position: CURSOR_FIELD.seq }).position)
      : undefined;
    const versions = await this.history.page(em, cv.id, limit + 1, before);
    const labels = await em.find(CvVersionLabel, {
      cvId: cv.id,
      version: { $in: versions.map((v) => v.version) },
    });
    const labelOf = new Map(labels.map((l) => [l.version, l.label]));
    return cursorPage(
      versions,
      limit,
      (v) => versionSummary(v, labelOf.get(v.version) ?? null),
      (last) => ({ position: String(last.position) }),
    );
  }
}

export function versionSummary(record: CvVersionRecord, label: string | null): CvVersionSummaryDto {
  return {
    version: record.version,
    kind: record.kind,
    createdAt: record.createdAt.toISOString(),
    actor: record.actor,
    summary: record.summary,
    label,
    ...(record.restoredFrom !== undefined ? { restoredFrom: record.restoredFrom } : {}),
  };
}
