import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvDto } from '../../dto/cv.dto';

export class ApplySuggestionCommand extends Command<CvDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly suggestionId: string,
  ) {
    super();
  }
}
