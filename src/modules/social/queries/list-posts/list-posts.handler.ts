import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { SocialPostDto, type SocialPostPageDto } from '../../dto/social-post.dto';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { ListPostsQuery } from './list-posts.query';

/** The caller's posts and drafts, newest first, each with its targets; keyset on (createdAt, id). */
@QueryHandler(ListPostsQuery)
export class ListPostsHandler implements IQueryHandler<ListPostsQuery, SocialPostPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListPostsQuery): Promise<SocialPostPageDto> {
    const em = this.em.fork();
    const rows = await em.find(
      SocialPost,
      cursor ? { $and: [{ userId }, newestFirst.after<SocialPost>(cursor)] } : { userId },
      { orderBy: newestFirst.orderBy, limit: limit + 1 },
    );
    const targets = rows.length
      ? await em.find(SocialPostTarget, { post: { $in: rows.map((p) => p.id) } })
      : [];
    return cursorPage(
      rows,
      limit,
      (post) =>
        SocialPostDto.of(
          post,
          targets.filter((t) => t.post.id === post.id),
        ),
      newestFirst.position,
    );
  }
}
