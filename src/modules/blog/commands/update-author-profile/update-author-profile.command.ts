import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { BlogAuthorDto } from '../../dto/blog-public.dto';
import type { SocialLinks } from '../../entities/blog-author.entity';

export class UpdateAuthorProfileCommand extends Command<BlogAuthorDto> {
  constructor(
    readonly actor: Principal,
    readonly input: {
      name?: string;
      slug?: string;
      bio?: string;
      avatarUrl?: string | null;
      socialLinks?: SocialLinks;
    },
  ) {
    super();
  }
}
