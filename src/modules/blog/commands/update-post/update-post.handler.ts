import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findEditablePost } from '../../blog.policies';
import { PostWriter } from '../../content/post-writer';
import { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';
import { UpdatePostCommand } from './update-post.command';

/** Saves a change of content or status as a new revision. */
@CommandHandler(UpdatePostCommand)
export class UpdatePostHandler implements ICommandHandler<UpdatePostCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writer: PostWriter,
  ) {}

  execute({ actor, postId, input }: UpdatePostCommand): Promise<BlogAdminPostDto> {
    return this.uow.run(async (em, events) => {
      const post = await findEditablePost(em, actor, postId, 'update', { lock: true });
      await this.writer.save(em, events, post, input, actor.userId, 'updated');
      return BlogAdminPostDto.of(post);
    });
  }
}
