import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SocialPostDto, UpdateSocialPostDto } from '../../dto/social-post.dto';

export class UpdatePostCommand extends Command<SocialPostDto> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
    readonly input: UpdateSocialPostDto,
  ) {
    super();
  }
}
