import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { blogProblems } from '../../blog.problems';
import { countPublished } from '../../content/published-counts';
import { slugify } from '../../content/slug';
import type { BlogTermDto } from '../../dto/blog-public.dto';
import { BlogCategory } from '../../entities/blog-category.entity';
import { BlogTag } from '../../entities/blog-tag.entity';
import { BlogTaxonomyChanged } from '../../events/blog.events';
import { SaveTermCommand, type TermKind } from './save-term.command';

export const termEntity = (kind: TermKind) => (kind === 'category' ? BlogCategory : BlogTag);
export const termNotFound = (kind: TermKind, id: string) =>
  blogProblems.problem(
    kind === 'category' ? 'blog.category_not_found' : 'blog.tag_not_found',
    `No ${kind} ${id}`,
  );

@CommandHandler(SaveTermCommand)
export class SaveTermHandler implements ICommandHandler<SaveTermCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ kind, id, input }: SaveTermCommand): Promise<BlogTermDto> {
    return this.uow.run(async (em, events) => {
      const entity = termEntity(kind);
      const now = new Date();
      let term: BlogCategory | BlogTag | null;
      if (id) term = await em.findOne(entity, { id });
      else {
        term = Object.assign(new entity(), { name: input.name ?? '', slug: '' });
        em.persist(term);
      }
      if (!term) throw termNotFound(kind, id ?? '');
      if (input.name !== undefined) term.name = input.name;
      if (input.description !== undefined) term.description = input.description;
      const slug = input.slug ?? (id ? term.slug : slugify(term.name));
      if (slug !== term.slug) {
        if ((await em.count(entity, { slug, id: { $ne: term.id } })) > 0) {
          throw blogProblems.problem('blog.slug_taken', `The ${kind} slug "${slug}" is taken`);
        }
        term.slug = slug;
      }
      term.updatedAt = now;
      events.record(
        new BlogTaxonomyChanged(term.id, { kind, change: id ? 'updated' : 'created', slug }),
      );
      return {
        id: term.id,
        slug: term.slug,
        name: term.name,
        description: term.description,
        posts: id ? await countPublished(em, kind, term.id) : 0,
      };
    });
  }
}
