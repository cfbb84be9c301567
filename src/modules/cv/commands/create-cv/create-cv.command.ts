import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvDto } from '../../dto/cv.dto';
import type { CvLayoutDto } from '../../dto/cv-layout.dto';

/** A new CV, blank or from an imported JSON Resume document (taken as it is, unknown properties too). */
export class CreateCvCommand extends Command<CvDto> {
  constructor(
    readonly actor: CvActor,
    readonly title: string,
    readonly document: unknown,
    readonly layout: CvLayoutDto | undefined,
    readonly source: 'blank' | 'json-resume' = 'blank',
  ) {
    super();
  }
}
