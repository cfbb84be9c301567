import { Command } from '@nestjs/cqrs';
import type { TeamDto } from '../../dto/team.dto';

/** Renames the team (owner). */
export class RenameTeamCommand extends Command<TeamDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly name: string,
  ) {
    super();
  }
}
