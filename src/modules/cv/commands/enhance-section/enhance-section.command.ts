import { Command } from '@nestjs/cqrs';
import type { AiTone } from '../../ai/writer/ai-writer.port';
import type { EnhanceableSection } from '../../ai/ai-sections';
import type { CvActor } from '../../cv.policies';
import type { EnhanceResultDto } from '../../dto/cv-ai.dto';

export class EnhanceSectionCommand extends Command<EnhanceResultDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly section: EnhanceableSection,
    readonly itemId?: string,
    readonly tone?: AiTone,
  ) {
    super();
  }
}
