import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { valueAtPointer } from '../../ai/ai-sections';
import { findOwnCv } from '../../cv.policies';
import { AiSuggestionDto, type AiSuggestionPageDto } from '../../dto/cv-ai.dto';
import { CvAiSuggestion } from '../../entities/cv-ai-suggestion.entity';
import { ListSuggestionsQuery } from './list-suggestions.query';

/** A CV's pending suggestions, newest first, each marked stale when its text changed since. */
@QueryHandler(ListSuggestionsQuery)
export class ListSuggestionsHandler implements IQueryHandler<
  ListSuggestionsQuery,
  AiSuggestionPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({
    actor,
    cvId,
    limit,
    cursor,
  }: ListSuggestionsQuery): Promise<AiSuggestionPageDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId);
    const where: FilterQuery<CvAiSuggestion>[] = [{ cvId: cv.id, status: 'pending' }];
    if (cursor) where.push(newestFirst.after<CvAiSuggestion>(cursor));
    const rows = await em.find(
      CvAiSuggestion,
      { $and: where },
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    return cursorPage(
      rows,
      limit,
      (row) => ({
        ...AiSuggestionDto.from(row),
        stale: valueAtPointer(cv.document, row.path) !== row.original,
      }),
      newestFirst.position,
    );
  }
}
