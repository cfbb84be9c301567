import { Command } from '@nestjs/cqrs';

/** DELETE /v1/me/avatar: no picture; the upload is deleted. */
export class RemoveAvatarCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
