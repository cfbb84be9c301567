import { Query } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';
import type { CoverLetterPageDto } from '../../dto/cover-letter.dto';

export class ListCoverLettersQuery extends Query<CoverLetterPageDto> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
