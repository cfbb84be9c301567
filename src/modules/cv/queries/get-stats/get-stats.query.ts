import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvStatsDto } from '../../dto/cv-share.dto';

export class GetStatsQuery extends Query<CvStatsDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly days: number,
  ) {
    super();
  }
}
