import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvExportDto } from '../../dto/cv-export.dto';

/** An export of the caller's, with a fresh signed download URL once it is ready. */
export class GetExportQuery extends Query<CvExportDto> {
  constructor(
    readonly actor: CvActor,
    readonly exportId: string,
  ) {
    super();
  }
}
