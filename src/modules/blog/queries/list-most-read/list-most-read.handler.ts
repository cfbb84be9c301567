import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BlogPublicPostListDto } from '../../dto/blog-public.dto';
import { PUBLIC_POST_SELECT, toPublicPostDto, type PublicPostRow } from '../public-posts';
import { ListMostReadQuery } from './list-most-read.query';

@QueryHandler(ListMostReadQuery)
export class ListMostReadHandler implements IQueryHandler<ListMostReadQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ limit }: ListMostReadQuery): Promise<BlogPublicPostListDto> {
    const rows = await this.em.fork().execute<PublicPostRow[]>(
      `select ${PUBLIC_POST_SELECT} from blog_posts p where p.status = 'published'
       order by p.views desc, p.published_at desc limit ?`,
      [limit],
    );
    return { items: rows.map((row) => toPublicPostDto(row)) };
  }
}
