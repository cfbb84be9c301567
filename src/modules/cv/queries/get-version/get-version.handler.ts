import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findOwnCv } from '../../cv.policies';
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
  ) {}

  async execute({ actor, cvId, version }: GetVersionQuery): Promise<CvVersionDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId);
    const { state, record } = await this.history.stateAt(em, cv.id, version);
    const label = await em.findOne(CvVersionLabel, { cvId: cv.id, version });
    return { ...versionSummary(record, label?.label ?? null), ...state };
  }
}
