import { Command } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';
import type { CoverLetterDto } from '../../dto/cover-letter.dto';
import type { CoverLetterEdit } from '../../entities/cover-letter.entity';

export class UpdateCoverLetterCommand extends Command<CoverLetterDto> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly id: string,
    /** From `If-Match`; undefined: no precondition. */
    readonly expectedVersions: number[] | '*' | undefined,
    readonly change: CoverLetterEdit,
  ) {
    super();
  }
}
