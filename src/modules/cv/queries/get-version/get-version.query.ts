import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvVersionDto } from '../../dto/cv-version.dto';

export class GetVersionQuery extends Query<CvVersionDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly version: number,
  ) {
    super();
  }
}
