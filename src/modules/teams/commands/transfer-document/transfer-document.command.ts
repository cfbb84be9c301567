import { Command } from '@nestjs/cqrs';
import type { TeamDocumentDto } from '../../dto/team-document.dto';

/**
 * The member who shared a CV or cover letter hands it to the team: it becomes the team
 * owner's, so it stays with the team when the member's account is erased
 * (an untransferred share goes with the account).
 */
export class TransferDocumentCommand extends Command<TeamDocumentDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly shareId: string,
  ) {
    super();
  }
}
