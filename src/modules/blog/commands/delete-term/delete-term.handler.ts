import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { BlogPost } from '../../entities/blog-post.entity';
import { BlogTaxonomyChanged } from '../../events/blog.events';
import { termEntity, termNotFound } from '../save-term/save-term.handler';
import { DeleteTermCommand } from './delete-term.command';

/** Deletes a category (its posts become uncategorised) or a tag (taken off every post). */
@CommandHandler(DeleteTermCommand)
export class DeleteTermHandler implements ICommandHandler<DeleteTermCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ kind, id }: DeleteTermCommand): Promise<void> {
    return this.uow.run(async (em, events) => {
      const term = await em.findOne(termEntity(kind), { id });
      if (!term) throw termNotFound(kind, id);
      if (kind === 'category')
        await em.nativeUpdate(BlogPost, { categoryId: id }, { categoryId: null });
      else {
        await em.execute(
          'update blog_posts set tag_ids = array_remove(tag_ids, ?) where tag_ids @> array[?]::text[]',
          [id, id],
        );
      }
      events.record(new BlogTaxonomyChanged(id, { kind, change: 'deleted', slug: term.slug }));
      em.remove(term);
    });
  }
}
