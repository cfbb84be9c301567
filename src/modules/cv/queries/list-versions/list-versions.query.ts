import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvVersionPageDto } from '../../dto/cv-version.dto';

export class ListVersionsQuery extends Query<CvVersionPageDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
