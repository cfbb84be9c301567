import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlogAuthor } from '../../entities/blog-author.entity';
import { BlogCategory } from '../../entities/blog-category.entity';
import { BlogTag } from '../../entities/blog-tag.entity';
import { headMeta } from '../../seo/head-meta';
import { SiteUrls } from '../../seo/site-urls';
import { findPublished } from '../published-post';
import { GetPostMetaQuery, type PostMetaAnswer } from './get-post-meta.query';

@QueryHandler(GetPostMetaQuery)
export class GetPostMetaHandler implements IQueryHandler<GetPostMetaQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly urls: SiteUrls,
  ) {}

  async execute({ slug }: GetPostMetaQuery): Promise<PostMetaAnswer> {
    const em = this.em.fork();
    const found = await findPublished(em, slug);
    if ('movedTo' in found) return found;
    const { post } = found;
    const [author, category, tags] = await Promise.all([
      em.findOne(BlogAuthor, { userId: post.authorId }),
      post.categoryId ? em.fork().findOne(BlogCategory, { id: post.categoryId }) : null,
      post.tagIds.length ? em.fork().find(BlogTag, { id: { $in: post.tagIds } }) : [],
    ]);
    return { meta: headMeta({ post, author, category, tags }, this.urls) };
  }
}
