import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvVersionLabelDto } from '../../dto/cv-version.dto';

export class LabelVersionCommand extends Command<CvVersionLabelDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly version: number,
    readonly label: string,
  ) {
    super();
  }
}
