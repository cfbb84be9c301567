import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvPageDto } from '../../dto/cv.dto';

export class ListCvsQuery extends Query<CvPageDto> {
  constructor(
    readonly actor: CvActor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
