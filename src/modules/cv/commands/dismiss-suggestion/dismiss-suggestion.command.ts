import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { AiSuggestionDto } from '../../dto/cv-ai.dto';

export class DismissSuggestionCommand extends Command<AiSuggestionDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly suggestionId: string,
  ) {
    super();
  }
}
