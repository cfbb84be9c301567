import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvShareDto } from '../../dto/cv-share.dto';

export class GetShareQuery extends Query<CvShareDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
  ) {
    super();
  }
}
