import { Inject, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { describePatch, diffStates } from '../../domain/cv-state';
import { findOwnCv } from '../../cv.policies';
import { CV_TEAM_ACCESS, type CvTeamAccess } from '../../sharing/team-access';
import type { CvDiffDto } from '../../dto/cv-version.dto';
import { CvHistory } from '../../versions/cv-history';
import { DiffVersionsQuery } from './diff-versions.query';

/** The patch from version `from` to version `to` (either way round), and the same for people. */
@QueryHandler(DiffVersionsQuery)
export class DiffVersionsHandler implements IQueryHandler<DiffVersionsQuery, CvDiffDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly history: CvHistory,
    @Optional() @Inject(CV_TEAM_ACCESS) private readonly teams: CvTeamAccess | null,
  ) {}

  async execute({ actor, cvId, from, to }: DiffVersionsQuery): Promise<CvDiffDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId, 'read', { teams: this.teams });
    const [a, b] = await Promise.all([
      this.history.stateAt(em, cv.id, from),
      this.history.stateAt(em.fork(), cv.id, to),
    ]);
    const patch = diffStates(a.state, b.state);
    return { from, to, patch, changes: describePatch(a.state, patch) };
  }
}
