import { Command } from '@nestjs/cqrs';

/** Publishes a scheduled post whose `publishAt` has come; a no-op (false) otherwise. */
export class PublishDuePostCommand extends Command<boolean> {
  constructor(readonly postId: string) {
    super();
  }
}
