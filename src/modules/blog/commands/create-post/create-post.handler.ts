import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { PostWriter } from '../../content/post-writer';
import { AuthorProfiles } from '../../content/author-profiles';
import { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';
import { BlogPost } from '../../entities/blog-post.entity';
import { CreatePostCommand } from './create-post.command';

/** A new post by the caller (its first revision); the author's public profile is made on first post. */
@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writer: PostWriter,
    private readonly authors: AuthorProfiles,
  ) {}

  execute({ actor, input }: CreatePostCommand): Promise<BlogAdminPostDto> {
    return this.uow.run(async (em, events) => {
      await this.authors.ensure(em, actor.userId);
      const post = Object.assign(new BlogPost(), {
        authorId: actor.userId,
        title: input.title,
        slug: '',
      });
      em.persist(post);
      await this.writer.save(em, events, post, input, actor.userId, 'created');
      return BlogAdminPostDto.of(post);
    });
  }
}
