import { Query } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';
import type { CoverLetterDto } from '../../dto/cover-letter.dto';

export class GetCoverLetterQuery extends Query<CoverLetterDto> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly id: string,
  ) {
    super();
  }
}
