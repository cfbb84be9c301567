import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { suggestionNotFound, suggestionNotPending, suggestionStale } from '../../ai/ai.problems';
import { CvChanges } from '../../cv-changes';
import { CvDto } from '../../dto/cv.dto';
import { CvAiSuggestion } from '../../entities/cv-ai-suggestion.entity';
import { ApplySuggestionCommand } from './apply-suggestion.command';

/**
 * Applies a suggestion as a normal versioned change: a JSON Patch that tests
 * the original text and replaces it. The CV change and the suggestion's new
 * status commit in one transaction (CvChanges works on this unit of work's
 * EntityManager), and the suggestion row stays locked meanwhile, so it is
 * applied once even when asked twice at the same moment. Text changed since →
 * 409 `ai.suggestion_stale`, nothing changes.
 */
@CommandHandler(ApplySuggestionCommand)
export class ApplySuggestionHandler implements ICommandHandler<ApplySuggestionCommand, CvDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: CvChanges,
  ) {}

  execute({ actor, cvId, suggestionId }: ApplySuggestionCommand): Promise<CvDto> {
    return this.uow.run(async (em) => {
      const suggestion = await em.findOne(
        CvAiSuggestion,
        { id: suggestionId, cvId, ownerId: actor.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!suggestion) throw suggestionNotFound();
      if (suggestion.status !== 'pending') throw suggestionNotPending(suggestion.status);
      const path = `/document${suggestion.path}`;
      let cv: CvDto;
      try {
        cv = CvDto.from(
          await this.changes.apply(em, actor, cvId, '*', {
            kind: 'json-patch',
            patch: [
              { op: 'test', path, value: suggestion.original },
              { op: 'replace', path, value: suggestion.suggested },
            ],
          }),
        );
      } catch (error) {
        if (error instanceof Problem && error.code === 'cv.patch_test_failed') {
          throw suggestionStale(suggestion.path);
        }
        throw error;
      }
      suggestion.status = 'applied';
      suggestion.decidedAt = new Date();
      suggestion.appliedVersion = cv.version;
      return cv;
    });
  }
}
