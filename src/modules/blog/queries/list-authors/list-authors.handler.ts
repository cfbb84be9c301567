import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BlogAuthorListDto } from '../../dto/blog-public.dto';
import type { SocialLinks } from '../../entities/blog-author.entity';
import { ListAuthorsQuery } from './list-authors.query';

@QueryHandler(ListAuthorsQuery)
export class ListAuthorsHandler implements IQueryHandler<ListAuthorsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(): Promise<BlogAuthorListDto> {
    const rows = await this.em.fork().execute<
      {
        slug: string;
        name: string;
        bio: string;
        avatar_url: string | null;
        social_links: SocialLinks;
        posts: string;
      }[]
    >(
      `select a.slug, a.name, a.bio, a.avatar_url, a.social_links, count(p.id) as posts
       from blog_authors a join blog_posts p on p.author_id = a.user_id and p.status = 'published'
       group by a.user_id order by a.name`,
    );
    return {
      items: rows.map((row) => ({
        slug: row.slug,
        name: row.name,
        bio: row.bio,
        avatarUrl: row.avatar_url,
        socialLinks: row.social_links,
        posts: Number(row.posts),
      })),
    };
  }
}
