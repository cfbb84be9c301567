import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { seesAllPosts } from '../../blog.policies';
import type { BlogAdminPostPageDto } from '../../dto/blog-admin-post.dto';
import { BlogPost } from '../../entities/blog-post.entity';
import { ListAdminPostsQuery } from './list-admin-posts.query';

@QueryHandler(ListAdminPostsQuery)
export class ListAdminPostsHandler implements IQueryHandler<ListAdminPostsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, filter }: ListAdminPostsQuery): Promise<BlogAdminPostPageDto> {
    const where: FilterQuery<BlogPost>[] = [];
    if (!seesAllPosts(actor)) where.push({ authorId: actor.userId });
    if (filter.status) where.push({ status: filter.status });
    const em = this.em.fork();
    if (filter.q) {
      // Editors' search: a bounded id list from the full-text index, then the usual keyset page.
      const matches = await em.execute<{ id: string }[]>(
        "select id from blog_posts where search_vector @@ websearch_to_tsquery('english', ?) limit 1000",
        [filter.q],
      );
      where.push({ id: { $in: matches.map((row) => row.id) } });
    }
    if (filter.cursor) where.push(newestFirst.after<BlogPost>(filter.cursor));
    const rows = await em.find(BlogPost, where.length ? { $and: where } : {}, {
      orderBy: newestFirst.orderBy,
      limit: filter.limit + 1,
    });
    return cursorPage(
      rows,
      filter.limit,
      (post) => ({
        id: post.id,
        authorId: post.authorId,
        title: post.title,
        slug: post.slug,
        status: post.status,
        publishAt: post.publishAt?.toISOString() ?? null,
        publishedAt: post.publishedAt?.toISOString() ?? null,
        revision: post.revision,
        updatedAt: post.updatedAt.toISOString(),
      }),
      newestFirst.position,
    );
  }
}
