import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { CreateSocialPostDto, SocialPostDto } from '../../dto/social-post.dto';

export class CreatePostCommand extends Command<SocialPostDto> {
  constructor(
    readonly actor: Principal,
    readonly input: CreateSocialPostDto,
  ) {
    super();
  }
}
