import { Command } from '@nestjs/cqrs';
import type { TeamDetailDto } from '../../dto/team.dto';

/** Sets the team's seats: the quantity of the owner's Premium subscription (owner only). */
export class ChangeSeatsCommand extends Command<TeamDetailDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly seats: number,
  ) {
    super();
  }
}
