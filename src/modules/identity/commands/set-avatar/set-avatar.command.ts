import { Command } from '@nestjs/cqrs';
import type { MeDto } from '../../dto/me.dto';

/** PUT /v1/me/avatar: show one of the user's processed profile-image uploads. */
export class SetAvatarCommand extends Command<MeDto> {
  constructor(
    readonly userId: string,
    readonly fileId: string,
  ) {
    super();
  }
}
