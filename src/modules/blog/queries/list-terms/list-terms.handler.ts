import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BlogTermListDto } from '../../dto/blog-public.dto';
import { ListTermsQuery } from './list-terms.query';

const SQL = {
  category: `select c.id, c.slug, c.name, c.description,
      (select count(*) from blog_posts p where p.status = 'published' and p.category_id = c.id) as posts
    from blog_categories c order by c.name`,
  tag: `select t.id, t.slug, t.name, t.description,
      (select count(*) from blog_posts p where p.status = 'published' and p.tag_ids @> array[t.id::text]) as posts
    from blog_tags t order by t.name`,
};

@QueryHandler(ListTermsQuery)
export class ListTermsHandler implements IQueryHandler<ListTermsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ kind }: ListTermsQuery): Promise<BlogTermListDto> {
    const rows = await this.em
      .fork()
      .execute<{ id: string; slug: string; name: string; description: string; posts: string }[]>(
        SQL[kind],
      );
    return { items: rows.map((row) => ({ ...row, posts: Number(row.posts) })) };
  }
}
