import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findOwnCoverLetter } from '../../cover-letter.policies';
import { CoverLetterDeleted } from '../../events/cover-letter.events';
import { DeleteCoverLetterCommand } from './delete-cover-letter.command';

/** Deletes the letter for good (it is a draft document, not a record anyone else relies on). */
@CommandHandler(DeleteCoverLetterCommand)
export class DeleteCoverLetterHandler implements ICommandHandler<DeleteCoverLetterCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, id }: DeleteCoverLetterCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const letter = await findOwnCoverLetter(em, actor, id, { lock: true, action: 'delete' });
      em.remove(letter);
      events.record(
        new CoverLetterDeleted(letter.id, { ownerId: letter.ownerId, reason: 'deleted' }),
      );
    });
  }
}
