import { Inject, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  COVER_LETTER_TEAM_ACCESS,
  findOwnCoverLetter,
  type CoverLetterTeamAccess,
} from '../../cover-letter.policies';
import { CoverLetterDto } from '../../dto/cover-letter.dto';
import { GetCoverLetterQuery } from './get-cover-letter.query';

@QueryHandler(GetCoverLetterQuery)
export class GetCoverLetterHandler implements IQueryHandler<GetCoverLetterQuery, CoverLetterDto> {
  constructor(
    private readonly em: EntityManager,
    @Optional()
    @Inject(COVER_LETTER_TEAM_ACCESS)
    private readonly teams: CoverLetterTeamAccess | null,
  ) {}

  async execute({ actor, id }: GetCoverLetterQuery): Promise<CoverLetterDto> {
    return CoverLetterDto.from(
      await findOwnCoverLetter(this.em.fork(), actor, id, { teams: this.teams }),
    );
  }
}
