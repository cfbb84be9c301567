import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { seesAllPosts } from '../../blog.policies';
import { toCommentDto } from '../../comments/comment-dto';
import type { BlogModerationPageDto } from '../../dto/blog-comment.dto';
import { BlogComment } from '../../entities/blog-comment.entity';
import { BlogPost } from '../../entities/blog-post.entity';
import { ListModerationQuery } from './list-moderation.query';

@QueryHandler(ListModerationQuery)
export class ListModerationHandler implements IQueryHandler<ListModerationQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({
    actor,
    status,
    limit,
    cursor,
  }: ListModerationQuery): Promise<BlogModerationPageDto> {
    const em = this.em.fork();
    const where: FilterQuery<BlogComment>[] = [{ status }];
    if (!seesAllPosts(actor)) {
      const own = await em.find(BlogPost, { authorId: actor.userId }, { fields: ['id'] });
      where.push({ postId: { $in: own.map((post) => post.id) } });
    }
    if (cursor) where.push(newestFirst.after<BlogComment>(cursor));
    const rows = await em.find(
      BlogComment,
      { $and: where },
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    const posts = await em.find(
      BlogPost,
      { id: { $in: [...new Set(rows.map((row) => row.postId))] } },
      { fields: ['id', 'slug'] },
    );
    const slugOf = new Map(posts.map((post) => [post.id, post.slug]));
    return cursorPage(
      rows,
      limit,
      (comment) => ({
        ...toCommentDto(comment),
        postId: comment.postId,
        postSlug: slugOf.get(comment.postId) ?? '',
        heldFor: comment.heldFor,
      }),
      newestFirst.position,
    );
  }
}
