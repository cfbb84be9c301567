import { Inject } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { AiUsageRecorder } from '../../../ai-usage';
import { AI_WRITER, type AiWriter } from '../../ai/writer/ai-writer.port';
import { enhancementTarget } from '../../ai/ai-sections';
import { findOwnCv } from '../../cv.policies';
import { AiSuggestionDto, type EnhanceResultDto } from '../../dto/cv-ai.dto';
import { CvAiSuggestion } from '../../entities/cv-ai-suggestion.entity';
import { CvAiEnhanced } from '../../events/cv.events';
import { EnhanceSectionCommand } from './enhance-section.command';

/**
 * Asks the AI writer for rewrites of one section (or one item) and keeps them
 * as pending suggestions. The provider is called outside any transaction: a
 * slow answer holds no row lock.
 */
@CommandHandler(EnhanceSectionCommand)
export class EnhanceSectionHandler implements ICommandHandler<EnhanceSectionCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly usage: AiUsageRecorder,
    @Inject(AI_WRITER) private readonly writer: AiWriter,
  ) {}

  async execute({
    actor,
    cvId,
    section,
    itemId,
    tone,
  }: EnhanceSectionCommand): Promise<EnhanceResultDto> {
    const cv = await findOwnCv(this.em.fork(), actor, cvId);
    const target = enhancementTarget(cv.document, section, itemId);
    const result = await this.usage.track(actor.userId, 'enhance', () =>
      this.writer.enhanceSection({
        section,
        items: target.items,
        ...(tone ? { tone } : {}),
        language: cv.layout.language,
      }),
    );
    const rows = await this.uow.run(async (em, events) => {
      const rows: CvAiSuggestion[] = [];
      for (const suggestion of result.suggestions) {
        const path = target.pathOf(suggestion);
        if (!path) continue;
        const row = new CvAiSuggestion();
        Object.assign(row, {
          cvId: cv.id,
          ownerId: cv.ownerId,
          cvVersion: cv.version,
          section,
          path,
          original: suggestion.original,
          suggested: suggestion.suggested,
          reasons: suggestion.reasons,
          provider: result.provider,
          model: result.model,
        });
        em.persist(row);
        rows.push(row);
      }
      events.record(
        new CvAiEnhanced(cv.id, {
          ownerId: cv.ownerId,
          section,
          suggestions: rows.length,
          provider: result.provider,
          model: result.model,
        }),
      );
      return Promise.resolve(rows);
    });
    return {
      suggestions: rows.map((row) => AiSuggestionDto.from(row)),
      provider: result.provider,
      model: result.model,
      usage: result.usage,
    };
  }
}
