import { Command } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';

export class DeleteCoverLetterCommand extends Command<void> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly id: string,
  ) {
    super();
  }
}
