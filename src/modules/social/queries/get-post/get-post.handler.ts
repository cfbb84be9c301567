import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SocialPostDto } from '../../dto/social-post.dto';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { socialProblems } from '../../social.problems';
import { GetPostQuery } from './get-post.query';

@QueryHandler(GetPostQuery)
export class GetPostHandler implements IQueryHandler<GetPostQuery, SocialPostDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, postId }: GetPostQuery): Promise<SocialPostDto> {
    const em = this.em.fork();
    const post = await em.findOne(SocialPost, { id: postId, userId });
    if (!post) throw socialProblems.problem('social.post_not_found', `No post ${postId}`);
    return SocialPostDto.of(post, await em.find(SocialPostTarget, { post: post.id }));
  }
}
