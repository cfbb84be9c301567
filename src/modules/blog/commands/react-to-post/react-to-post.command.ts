import { Command } from '@nestjs/cqrs';
import type { BlogCountersDto } from '../../dto/blog-public.dto';

export type Reaction = 'like' | 'unlike' | 'share';

/** A like (once per reader), its removal, or a share (counted each time) of a published post. */
export class ReactToPostCommand extends Command<BlogCountersDto> {
  constructor(
    readonly slug: string,
    readonly reaction: Reaction,
    readonly userId?: string,
  ) {
    super();
  }
}
