import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { findOwnCv } from '../../cv.policies';
import type { CvShareDto } from '../../dto/cv-share.dto';
import { CvShare } from '../../entities/cv-share.entity';
import { ShareLinks } from '../../sharing/share-links';
import { GetShareQuery } from './get-share.query';

@QueryHandler(GetShareQuery)
export class GetShareHandler implements IQueryHandler<GetShareQuery, CvShareDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly links: ShareLinks,
  ) {}

  async execute({ actor, cvId }: GetShareQuery): Promise<CvShareDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId);
    const share = await em.findOne(CvShare, { cvId: cv.id });
    if (!share) throw Problem.notFound('Share', 'cv_share.not_found');
    return this.links.toDto(share);
  }
}
