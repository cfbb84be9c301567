import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { BlogComment } from './entities/blog-comment.entity';
import { BlogPostLike } from './entities/blog-post-like.entity';

/** The user's blog comments (any moderation state) and likes. */
@Injectable()
@ExportsUserData()
export class BlogUserData implements UserDataExporter {
  readonly name = 'blog';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'comments.json', BlogComment, { userId }),
      rowsFile(em, 'likes.json', BlogPostLike, { userId }),
    ]);
  }
}
