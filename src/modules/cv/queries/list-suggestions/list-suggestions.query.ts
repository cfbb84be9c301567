import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { AiSuggestionPageDto } from '../../dto/cv-ai.dto';

export class ListSuggestionsQuery extends Query<AiSuggestionPageDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
