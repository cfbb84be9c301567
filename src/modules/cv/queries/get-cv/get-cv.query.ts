import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvDto } from '../../dto/cv.dto';

export class GetCvQuery extends Query<CvDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
  ) {
    super();
  }
}
