import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { postNotFound } from '../../blog.policies';
import type { BlogCountersDto } from '../../dto/blog-public.dto';
import { BlogPost } from '../../entities/blog-post.entity';
import { ReactToPostCommand } from './react-to-post.command';

/**
 * Counters move in one statement each, so concurrent likes never lose an
 * update; the like row's primary key makes a repeated like a no-op.
 */
@CommandHandler(ReactToPostCommand)
export class ReactToPostHandler implements ICommandHandler<ReactToPostCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ slug, reaction, userId }: ReactToPostCommand): Promise<BlogCountersDto> {
    return this.uow.run(async (em) => {
      const post = await em.findOne(BlogPost, { slug, status: 'published' }, { fields: ['id'] });
      if (!post) throw postNotFound(slug);
      if (reaction === 'share') {
        await em.execute('update blog_posts set shares = shares + 1 where id = ?', [post.id]);
      } else if (reaction === 'like') {
        await em.execute(
          `with added as (insert into blog_post_likes (post_id, user_id, created_at) values (?, ?, now())
             on conflict do nothing returning post_id)
           update blog_posts set likes = likes + (select count(*) from added) where id = ?`,
          [post.id, userId, post.id],
        );
      } else {
        await em.execute(
          `with removed as (delete from blog_post_likes where post_id = ? and user_id = ? returning post_id)
           update blog_posts set likes = likes - (select count(*) from removed) where id = ?`,
          [post.id, userId, post.id],
        );
      }
      const [row] = await em.execute<{ views: number; likes: number; shares: number }[]>(
        'select views, likes, shares from blog_posts where id = ?',
        [post.id],
      );
      return { views: row.views, likes: row.likes, shares: row.shares };
    });
  }
}
