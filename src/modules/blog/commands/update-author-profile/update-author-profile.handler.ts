import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { blogProblems } from '../../blog.problems';
import { AuthorProfiles } from '../../content/author-profiles';
import { countPublished } from '../../content/published-counts';
import type { BlogAuthorDto } from '../../dto/blog-public.dto';
import { BlogAuthor } from '../../entities/blog-author.entity';
import { BlogAuthorProfileChanged } from '../../events/blog.events';
import { UpdateAuthorProfileCommand } from './update-author-profile.command';

/** The caller's own public author profile (made on first use). */
@CommandHandler(UpdateAuthorProfileCommand)
export class UpdateAuthorProfileHandler implements ICommandHandler<UpdateAuthorProfileCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly authors: AuthorProfiles,
  ) {}

  execute({ actor, input }: UpdateAuthorProfileCommand): Promise<BlogAuthorDto> {
    return this.uow.run(async (em, events) => {
      const author = await this.authors.ensure(em, actor.userId);
      if (input.slug !== undefined && input.slug !== author.slug) {
        if (await em.findOne(BlogAuthor, { slug: input.slug, userId: { $ne: actor.userId } })) {
          throw blogProblems.problem('blog.slug_taken', `The author slug "${input.slug}" is taken`);
        }
        author.slug = input.slug;
      }
      if (input.name !== undefined) author.name = input.name;
      if (input.bio !== undefined) author.bio = input.bio;
      if (input.avatarUrl !== undefined) author.avatarUrl = input.avatarUrl;
      if (input.socialLinks !== undefined) author.socialLinks = { ...input.socialLinks };
      author.updatedAt = new Date();
      events.record(new BlogAuthorProfileChanged(actor.userId, { slug: author.slug }));
      return {
        slug: author.slug,
        name: author.name,
        bio: author.bio,
        avatarUrl: author.avatarUrl,
        socialLinks: author.socialLinks,
        posts: await countPublished(em, 'author', actor.userId),
      };
    });
  }
}
