import { Command } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';
import type { CoverLetterDto, CreateCoverLetterDto } from '../../dto/cover-letter.dto';

export class CreateCoverLetterCommand extends Command<CoverLetterDto> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly input: CreateCoverLetterDto,
  ) {
    super();
  }
}
