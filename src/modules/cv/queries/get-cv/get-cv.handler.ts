import { Inject, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findOwnCv } from '../../cv.policies';
import { CV_TEAM_ACCESS, type CvTeamAccess } from '../../sharing/team-access';
import { CvDto } from '../../dto/cv.dto';
import { GetCvQuery } from './get-cv.query';

@QueryHandler(GetCvQuery)
export class GetCvHandler implements IQueryHandler<GetCvQuery, CvDto> {
  constructor(
    private readonly em: EntityManager,
    @Optional() @Inject(CV_TEAM_ACCESS) private readonly teams: CvTeamAccess | null,
  ) {}

  async execute({ actor, cvId }: GetCvQuery): Promise<CvDto> {
    return CvDto.from(await findOwnCv(this.em.fork(), actor, cvId, 'read', { teams: this.teams }));
  }
}
