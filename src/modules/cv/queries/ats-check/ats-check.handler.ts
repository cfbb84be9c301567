import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AtsReport } from '../../ats/analyse-ats';
import { findOwnCv } from '../../cv.policies';
import { CvRenderingService } from '../../rendering/cv-rendering.service';
import { AtsCheckQuery } from './ats-check.query';

@QueryHandler(AtsCheckQuery)
export class AtsCheckHandler implements IQueryHandler<AtsCheckQuery, AtsReport> {
  constructor(
    private readonly em: EntityManager,
    private readonly rendering: CvRenderingService,
  ) {}

  async execute({ actor, cvId, jobDescription }: AtsCheckQuery): Promise<AtsReport> {
    const cv = await findOwnCv(this.em.fork(), actor, cvId);
    return this.rendering.atsCheck(cv.document, cv.layout, jobDescription);
  }
}
