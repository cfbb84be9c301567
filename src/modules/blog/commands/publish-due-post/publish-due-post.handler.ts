import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { PostWriter } from '../../content/post-writer';
import { BlogPost } from '../../entities/blog-post.entity';
import { PublishDuePostCommand } from './publish-due-post.command';

/**
 * The row lock makes concurrent runs (two workers, a retried job, the minute
 * tick and the delayed job) publish once: the second sees `published` and stops.
 */
@CommandHandler(PublishDuePostCommand)
export class PublishDuePostHandler implements ICommandHandler<PublishDuePostCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writer: PostWriter,
  ) {}

  execute({ postId }: PublishDuePostCommand): Promise<boolean> {
    return this.uow.run(async (em, events) => {
      const post = await em.findOne(
        BlogPost,
        { id: postId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!post) return false;
      return this.writer.publishDue(events, post, new Date());
    });
  }
}
