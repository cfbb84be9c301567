import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BlogPublicPostListDto } from '../../dto/blog-public.dto';
import { PUBLIC_COLUMNS, PublicPostMapper, type PublicPostRow } from '../public-posts';
import { ListMostReadQuery } from './list-most-read.query';

@QueryHandler(ListMostReadQuery)
export class ListMostReadHandler implements IQueryHandler<ListMostReadQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly mapper: PublicPostMapper,
  ) {}

  async execute({ limit }: ListMostReadQuery): Promise<BlogPublicPostListDto> {
    const em = this.em.fork();
    const rows = await em.execute<PublicPostRow[]>(
      `select ${PUBLIC_COLUMNS} from blog_posts where status = 'published'
       order by views desc, published_at desc limit ?`,
      [limit],
    );
    return { items: await this.mapper.toDtos(em, rows) };
  }
}
