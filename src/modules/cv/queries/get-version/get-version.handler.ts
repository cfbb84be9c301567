import { Inject, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findOwnCv } from '../../cv.policies';
import { CV_TEAM_ACCESS, type CvTeamAccess } from '../../sharing/team-access';
import type { CvVersionDto } from '../../dto/cv-version.dto';
import { CvVersionLabel } from '../../entities/cv-version-label.entity';
import { CvHistory } from '../../versions/cv-history';
import { versionSummary } from '../list-versions/list-versions.handler';
import { GetVersionQuery } from './get-version.query';

/** The full state of version n, rebuilt from the events. */
@QueryHandler(GetVersionQuery)
export class GetVersionHandler implements IQueryHandler<GetVersionQuery, CvVersionDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly history: CvHistory,
    @Optional() @Inject(CV_TEAM_ACCESS) private readonly teams: CvTeamAccess | null,
  ) {}

  async execute({ actor, cvId, version }: GetVersionQuery): Promise<CvVersionDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId, 'read', { teams: this.teams });
    const { state, record } = await this.history.stateAt(em, cv.id, version);
    const label = await em.findOne(CvVersionLabel, { cvId: cv.id, version });
    return { ...versionSummary(record, label?.label ?? null), ...state };
  }
}
