import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SocialPostDto } from '../../dto/social-post.dto';

/** Schedules each target at its account's next free queue slot. */
export class AddToQueueCommand extends Command<SocialPostDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
  ) {
    super();
  }
}
