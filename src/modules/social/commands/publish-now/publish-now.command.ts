import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SocialPostDto } from '../../dto/social-post.dto';

/** Queues every target now; failed and unconfirmed targets go again (the user chose to). */
export class PublishNowCommand extends Command<SocialPostDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
  ) {
    super();
  }
}
