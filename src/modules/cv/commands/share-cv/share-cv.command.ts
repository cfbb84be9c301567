import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvShareDto, ShareCvDto } from '../../dto/cv-share.dto';

export class ShareCvCommand extends Command<CvShareDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly settings: ShareCvDto,
  ) {
    super();
  }
}
