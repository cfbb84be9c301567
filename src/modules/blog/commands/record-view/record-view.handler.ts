import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { postNotFound } from '../../blog.policies';
import { BlogViews } from '../../counters/blog-views';
import type { BlogViewDto } from '../../dto/blog-public.dto';
import { BlogPost } from '../../entities/blog-post.entity';
import { RecordViewCommand } from './record-view.command';

/** Counts in Redis only (no transaction, no event); the flush job writes PostgreSQL. */
@CommandHandler(RecordViewCommand)
export class RecordViewHandler implements ICommandHandler<RecordViewCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly views: BlogViews,
  ) {}

  async execute({ slug, visitor }: RecordViewCommand): Promise<BlogViewDto> {
    const post = await this.em
      .fork()
      .findOne(BlogPost, { slug, status: 'published' }, { fields: ['id'] });
    if (!post) throw postNotFound(slug);
    return { counted: await this.views.count(post.id, visitor) };
  }
}
