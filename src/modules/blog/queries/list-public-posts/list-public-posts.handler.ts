import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BlogPublicPostPageDto } from '../../dto/blog-public.dto';
import { PUBLIC_POST_SELECT, toPublicPostDto, type PublicPostRow } from '../public-posts';
import { ListPublicPostsQuery } from './list-public-posts.query';

/**
 * Published posts, newest first, with page numbers (the frontend shows them).
 * Filters go to the partial indexes: `(category_id, published_at)` for a
 * category, the GIN on `tag_ids` for a tag, the search vector for text. An
 * unknown category, tag or author slug is an empty page, not an error.
 */
@QueryHandler(ListPublicPostsQuery)
export class ListPublicPostsHandler implements IQueryHandler<ListPublicPostsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ filter }: ListPublicPostsQuery): Promise<BlogPublicPostPageDto> {
    const where = ["p.status = 'published'"];
    const params: unknown[] = [];
    if (filter.category) {
      where.push('p.category_id = (select id from blog_categories where slug = ?)');
      params.push(filter.category);
    }
    if (filter.tag) {
      where.push('p.tag_ids @> array[(select id::text from blog_tags where slug = ?)]');
      params.push(filter.tag);
    }
    if (filter.author) {
      where.push('p.author_id = (select user_id from blog_authors where slug = ?)');
      params.push(filter.author);
    }
    if (filter.search) {
      where.push("p.search_vector @@ websearch_to_tsquery('english', ?)");
      params.push(filter.search);
    }
    const condition = where.join(' and ');
    const body = filter.includeBody ? ', p.body_html' : '';
    const offset = (filter.page - 1) * filter.limit;
    // One round trip: the total rides along as an init plan; only an empty page asks for it apart.
    const rows = await this.em.fork().execute<(PublicPostRow & { total: string })[]>(
      `select ${PUBLIC_POST_SELECT}${body},
         (select count(*) from blog_posts p where ${condition}) as total
       from blog_posts p where ${condition}
       order by p.published_at desc, p.id desc limit ? offset ?`,
      [...params, ...params, filter.limit, offset],
    );
    const total =
      rows[0]?.total ??
      (
        await this.em
          .fork()
          .execute<{ total: string }[]>(
            `select count(*) as total from blog_posts p where ${condition}`,
            params,
          )
      )[0].total;
    const count = Number(total);
    const pages = Math.max(1, Math.ceil(count / filter.limit));
    return {
      items: rows.map((row) => toPublicPostDto(row, filter.fields)),
      meta: {
        page: filter.page,
        limit: filter.limit,
        pages,
        total: count,
        next: filter.page < pages ? filter.page + 1 : null,
        prev: filter.page > 1 ? Math.min(filter.page - 1, pages) : null,
      },
    };
  }
}
