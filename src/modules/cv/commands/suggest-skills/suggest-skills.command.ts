import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { SkillsResultDto } from '../../dto/cv-ai.dto';

/** At least one of `cvId` and `jobTitle`. */
export class SuggestSkillsCommand extends Command<SkillsResultDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId?: string,
    readonly jobTitle?: string,
  ) {
    super();
  }
}
