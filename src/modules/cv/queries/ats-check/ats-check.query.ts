import { Query } from '@nestjs/cqrs';
import type { AtsReport } from '../../ats/analyse-ats';
import type { CvActor } from '../../cv.policies';

/** The ATS check of the caller's CV as it is now, in its own template. */
export class AtsCheckQuery extends Query<AtsReport> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly jobDescription?: string,
  ) {
    super();
  }
}
