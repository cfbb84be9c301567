import { Injectable } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { BlogComment } from '../entities/blog-comment.entity';
import { BlogReaderErased } from '../events/blog.events';

export const DELETED_USER = 'deleted user';

/**
 * An erased account's comments lose their author ("deleted user"); their text
 * stays when BLOG_KEEP_ERASED_COMMENTS says so, otherwise it is blanked. Its
 * likes go, and the posts' like counters with them. Idempotent.
 */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseReaderActivityOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    const keepContent = this.config.env.BLOG_KEEP_ERASED_COMMENTS;
    await this.uow.run(async (em, events) => {
      const comments = await em.nativeUpdate(
        BlogComment,
        { userId },
        { userId: null, authorName: DELETED_USER, ...(keepContent ? {} : { body: '' }) },
      );
      const removed = await em.execute<{ post_id: string }[]>(
        'delete from blog_post_likes where user_id = ? returning post_id',
        [userId],
      );
      if (removed.length > 0) {
        await em.execute(
          `update blog_posts set likes = greatest(likes - 1, 0)
           where id in (${removed.map(() => '?').join(', ')})`,
          removed.map((row) => row.post_id),
        );
      }
      if (comments + removed.length > 0) {
        events.record(
          new BlogReaderErased(userId, {
            comments,
            likes: removed.length,
            keptContent: keepContent,
          }),
        );
      }
    });
  }
}
