import { Command } from '@nestjs/cqrs';

/** Deletes the team (owner): members, invitations and shares go; the documents stay their owners'. */
export class DeleteTeamCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
  ) {
    super();
  }
}
