import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { suggestionNotFound, suggestionNotPending } from '../../ai/ai.problems';
import { AiSuggestionDto } from '../../dto/cv-ai.dto';
import { CvAiSuggestion } from '../../entities/cv-ai-suggestion.entity';
import { DismissSuggestionCommand } from './dismiss-suggestion.command';

@CommandHandler(DismissSuggestionCommand)
export class DismissSuggestionHandler implements ICommandHandler<
  DismissSuggestionCommand,
  AiSuggestionDto
> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, cvId, suggestionId }: DismissSuggestionCommand): Promise<AiSuggestionDto> {
    return this.uow.run(async (em) => {
      const suggestion = await em.findOne(
        CvAiSuggestion,
        { id: suggestionId, cvId, ownerId: actor.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!suggestion) throw suggestionNotFound();
      if (suggestion.status !== 'pending') throw suggestionNotPending(suggestion.status);
      suggestion.status = 'dismissed';
      suggestion.decidedAt = new Date();
      return AiSuggestionDto.from(suggestion);
    });
  }
}
