import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import {
  COVER_LETTER_TEAM_ACCESS,
  coverLetterVersionConflict,
  findOwnCoverLetter,
  type CoverLetterTeamAccess,
} from '../../cover-letter.policies';
import { CoverLetterDto } from '../../dto/cover-letter.dto';
import { UpdateCoverLetterCommand } from './update-cover-letter.command';

/**
 * Edits title, body or tone, by the owner or a member of a team the letter is shared with
 * (`edit`), who is recorded as `updatedBy`; with `If-Match`, a stale version is a 412 and
 * nothing changes.
 */
@CommandHandler(UpdateCoverLetterCommand)
export class UpdateCoverLetterHandler implements ICommandHandler<UpdateCoverLetterCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional()
    @Inject(COVER_LETTER_TEAM_ACCESS)
    private readonly teams: CoverLetterTeamAccess | null,
  ) {}

  execute({
    actor,
    id,
    expectedVersions,
    change,
  }: UpdateCoverLetterCommand): Promise<CoverLetterDto> {
    return this.uow.run(async (em) => {
      const letter = await findOwnCoverLetter(em, actor, id, {
        lock: true,
        action: 'update',
        teams: this.teams,
      });
      if (Array.isArray(expectedVersions) && !expectedVersions.includes(letter.version)) {
        throw coverLetterVersionConflict(letter.version);
      }
      letter.edit(change, actor.userId);
      return CoverLetterDto.from(letter);
    });
  }
}
