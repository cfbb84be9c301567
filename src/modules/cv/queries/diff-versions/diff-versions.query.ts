import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvDiffDto } from '../../dto/cv-version.dto';

export class DiffVersionsQuery extends Query<CvDiffDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
