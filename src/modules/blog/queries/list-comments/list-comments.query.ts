import { Query } from '@nestjs/cqrs';
import type { BlogCommentListDto } from '../../dto/blog-comment.dto';

/** Approved comments of a published post, oldest first (replies after their parent). */
export class ListCommentsQuery extends Query<BlogCommentListDto> {
  constructor(readonly slug: string) {
    super();
  }
}
