import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { createPatch } from 'rfc6902';
import { describePatch } from '../../../cv';
import { findEditablePost } from '../../blog.policies';
import { blogProblems } from '../../blog.problems';
import type { BlogRevisionDiffDto } from '../../dto/blog-admin-post.dto';
import { BlogPostRevision } from '../../entities/blog-post-revision.entity';
import { DiffRevisionsQuery } from './diff-revisions.query';

/** What changed from revision `from` to `to` (either way round), readable like CV version diffs. */
@QueryHandler(DiffRevisionsQuery)
export class DiffRevisionsHandler implements IQueryHandler<DiffRevisionsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, postId, from, to }: DiffRevisionsQuery): Promise<BlogRevisionDiffDto> {
    const em = this.em.fork();
    const post = await findEditablePost(em, actor, postId);
    const rows = await em.find(BlogPostRevision, {
      postId: post.id,
      revision: { $in: [from, to] },
    });
    const content = (n: number) => {
      const row = rows.find((each) => each.revision === n);
      if (!row) throw blogProblems.problem('blog.revision_not_found', `Post has no revision ${n}`);
      return row.content;
    };
    const before = content(from);
    const patch = createPatch(before, content(to));
    return { from, to, changes: describePatch(before, patch) };
  }
}
