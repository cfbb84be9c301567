import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';

export class DeleteCvCommand extends Command<void> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
  ) {
    super();
  }
}
