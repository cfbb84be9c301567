import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvDto } from '../../dto/cv.dto';
import type { ExpectedVersion } from '../../versions/if-match';

export class RestoreVersionCommand extends Command<CvDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly version: number,
    readonly expected: ExpectedVersion | undefined,
  ) {
    super();
  }
}
