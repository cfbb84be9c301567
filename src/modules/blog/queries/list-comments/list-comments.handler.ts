import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { postNotFound } from '../../blog.policies';
import { toCommentDto } from '../../comments/comment-dto';
import type { BlogCommentListDto } from '../../dto/blog-comment.dto';
import { BlogComment } from '../../entities/blog-comment.entity';
import { BlogPost } from '../../entities/blog-post.entity';
import { ListCommentsQuery } from './list-comments.query';

@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<ListCommentsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ slug }: ListCommentsQuery): Promise<BlogCommentListDto> {
    const em = this.em.fork();
    const post = await em.findOne(BlogPost, { slug, status: 'published' }, { fields: ['id'] });
    if (!post) throw postNotFound(slug);
    const comments = await em.find(
      BlogComment,
      { postId: post.id, status: 'approved' },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 },
    );
    return { items: comments.map(toCommentDto) };
  }
}
