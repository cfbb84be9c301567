import { Inject } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { AiUsageRecorder } from '../../../ai-usage';
import { AI_WRITER, type AiWriter } from '../../ai/writer/ai-writer.port';
import { resumeForAi } from '../../ai/resume-for-ai';
import { findOwnCv } from '../../cv.policies';
import type { SkillsResultDto } from '../../dto/cv-ai.dto';
import { SuggestSkillsCommand } from './suggest-skills.command';

/** Skills for a job title and/or a CV; the CV's own skills are never suggested back. */
@CommandHandler(SuggestSkillsCommand)
export class SuggestSkillsHandler implements ICommandHandler<SuggestSkillsCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly usage: AiUsageRecorder,
    @Inject(AI_WRITER) private readonly writer: AiWriter,
  ) {}

  async execute({ actor, cvId, jobTitle }: SuggestSkillsCommand): Promise<SkillsResultDto> {
    if (!cvId && !jobTitle) {
      throw Problem.badRequest('validation.failed', 'Send cvId, jobTitle or both', [
        { path: '$.cvId', message: 'cvId or jobTitle is required' },
      ]);
    }
    const resume = cvId
      ? resumeForAi((await findOwnCv(this.em.fork(), actor, cvId)).document)
      : undefined;
    const title = jobTitle ?? resume?.headline;
    const result = await this.usage.track(actor.userId, 'skills', () =>
      this.writer.suggestSkills({
        ...(title ? { jobTitle: title } : {}),
        ...(resume?.text ? { cvText: resume.text } : {}),
        existingSkills: resume?.skills ?? [],
      }),
    );
    return {
      skills: result.skills,
      provider: result.provider,
      model: result.model,
      usage: result.usage,
    };
  }
}
