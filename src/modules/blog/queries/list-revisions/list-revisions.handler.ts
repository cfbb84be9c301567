import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findEditablePost } from '../../blog.policies';
import type { BlogRevisionListDto } from '../../dto/blog-admin-post.dto';
import { BlogPostRevision } from '../../entities/blog-post-revision.entity';
import { ListRevisionsQuery } from './list-revisions.query';

@QueryHandler(ListRevisionsQuery)
export class ListRevisionsHandler implements IQueryHandler<ListRevisionsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, postId }: ListRevisionsQuery): Promise<BlogRevisionListDto> {
    const em = this.em.fork();
    const post = await findEditablePost(em, actor, postId);
    const rows = await em.find(
      BlogPostRevision,
      { postId: post.id },
      { orderBy: { revision: 'desc' }, limit: 200 },
    );
    return {
      items: rows.map((row) => ({
        revision: row.revision,
        editorId: row.editorId,
        restoredFrom: row.restoredFrom,
        createdAt: row.createdAt.toISOString(),
        title: row.content.title,
        slug: row.content.slug,
      })),
    };
  }
}
