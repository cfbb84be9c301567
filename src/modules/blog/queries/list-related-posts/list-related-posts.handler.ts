import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BlogPublicPostListDto } from '../../dto/blog-public.dto';
import { pgArray } from '../../content/pg-array';
import { PUBLIC_POST_SELECT, toPublicPostDto, type PublicPostRow } from '../public-posts';
import { findPublished } from '../published-post';
import { ListRelatedPostsQuery } from './list-related-posts.query';

/** Published posts sharing the most tags (a shared category counts as one), newest first on ties. */
@QueryHandler(ListRelatedPostsQuery)
export class ListRelatedPostsHandler implements IQueryHandler<ListRelatedPostsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ slug, limit }: ListRelatedPostsQuery): Promise<BlogPublicPostListDto> {
    const em = this.em.fork();
    let found = await findPublished(em, slug);
    if ('movedTo' in found) found = await findPublished(em, found.movedTo);
    if (!('post' in found)) return { items: [] };
    const { id, categoryId } = found.post;
    const tagIds = pgArray(found.post.tagIds);
    const rows = await em.execute<PublicPostRow[]>(
      `select ${PUBLIC_POST_SELECT} from (
         select *, cardinality(array(select unnest(tag_ids) intersect select unnest(?::text[])))
           + (case when category_id is not distinct from ?::uuid and ?::uuid is not null then 1 else 0 end) as score
         from blog_posts
         where status = 'published' and id <> ? and (tag_ids && ?::text[] or category_id = ?::uuid)
       ) p where p.score > 0 order by p.score desc, p.published_at desc, p.id desc limit ?`,
      [tagIds, categoryId, categoryId, id, tagIds, categoryId, limit],
    );
    return { items: rows.map((row) => toPublicPostDto(row)) };
  }
}
