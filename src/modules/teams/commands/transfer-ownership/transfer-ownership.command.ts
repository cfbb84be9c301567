import { Command } from '@nestjs/cqrs';
import type { TeamDto } from '../../dto/team.dto';

/** Makes another member the owner (owner only); the previous owner stays as an admin. */
export class TransferOwnershipCommand extends Command<TeamDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly newOwnerId: string,
  ) {
    super();
  }
}
