import { Command } from '@nestjs/cqrs';

/** Deletes a team template (owner, admin). */
export class DeleteTemplateCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly templateId: string,
  ) {
    super();
  }
}
