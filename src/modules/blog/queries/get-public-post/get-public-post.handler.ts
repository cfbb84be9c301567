import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PUBLIC_POST_SELECT, toPublicPostDto, type PublicPostRow } from '../public-posts';
import { findPublished } from '../published-post';
import { GetPublicPostQuery, type PublicPostAnswer } from './get-public-post.query';

@QueryHandler(GetPublicPostQuery)
export class GetPublicPostHandler implements IQueryHandler<GetPublicPostQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ slug }: GetPublicPostQuery): Promise<PublicPostAnswer> {
    const em = this.em.fork();
    const found = await findPublished(em, slug);
    if ('movedTo' in found) return found;
    const [row] = await em.execute<PublicPostRow[]>(
      `select ${PUBLIC_POST_SELECT}, p.body_html from blog_posts p where p.id = ?`,
      [found.post.id],
    );
    return { post: toPublicPostDto(row) };
  }
}
