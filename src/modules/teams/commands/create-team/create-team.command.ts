import { Command } from '@nestjs/cqrs';
import type { TeamDto } from '../../dto/team.dto';

/** A new team with the caller as its owner (Premium: `teamCollaboration`). */
export class CreateTeamCommand extends Command<TeamDto> {
  constructor(
    readonly userId: string,
    readonly name: string,
  ) {
    super();
  }
}
