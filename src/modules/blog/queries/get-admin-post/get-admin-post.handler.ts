import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findEditablePost } from '../../blog.policies';
import { BlogAdminPostDto } from '../../dto/blog-admin-post.dto';
import { GetAdminPostQuery } from './get-admin-post.query';

@QueryHandler(GetAdminPostQuery)
export class GetAdminPostHandler implements IQueryHandler<GetAdminPostQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, postId }: GetAdminPostQuery): Promise<BlogAdminPostDto> {
    return BlogAdminPostDto.of(await findEditablePost(this.em.fork(), actor, postId));
  }
}
