import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { coverLetterVersionConflict, findOwnCoverLetter } from '../../cover-letter.policies';
import { CoverLetterDto } from '../../dto/cover-letter.dto';
import { UpdateCoverLetterCommand } from './update-cover-letter.command';

/** Edits title, body or tone; with `If-Match`, a stale version is a 412 and nothing changes. */
@CommandHandler(UpdateCoverLetterCommand)
export class UpdateCoverLetterHandler implements ICommandHandler<UpdateCoverLetterCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({
    actor,
    id,
    expectedVersions,
    change,
  }: UpdateCoverLetterCommand): Promise<CoverLetterDto> {
    return this.uow.run(async (em) => {
      const letter = await findOwnCoverLetter(em, actor, id, { lock: true });
      if (Array.isArray(expectedVersions) && !expectedVersions.includes(letter.version)) {
        throw coverLetterVersionConflict(letter.version);
      }
      letter.edit(change);
      return CoverLetterDto.from(letter);
    });
  }
}
