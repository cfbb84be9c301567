import type { BlogCommentDto } from '../dto/blog-comment.dto';
import type { BlogComment } from '../entities/blog-comment.entity';

export function toCommentDto(comment: BlogComment): BlogCommentDto {
  return {
    id: comment.id,
    parentId: comment.parentId,
    authorName: comment.authorName,
    body: comment.body,
    status: comment.status,
    createdAt: comment.createdAt.toISOString(),
  };
}
