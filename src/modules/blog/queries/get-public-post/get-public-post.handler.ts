import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PublicPostMapper, type PublicPostRow } from '../public-posts';
import { findPublished } from '../published-post';
import { GetPublicPostQuery, type PublicPostAnswer } from './get-public-post.query';

@QueryHandler(GetPublicPostQuery)
export class GetPublicPostHandler implements IQueryHandler<GetPublicPostQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly mapper: PublicPostMapper,
  ) {}

  async execute({ slug }: GetPublicPostQuery): Promise<PublicPostAnswer> {
    const em = this.em.fork();
    const found = await findPublished(em, slug);
    if ('movedTo' in found) return found;
    const { post } = found;
    const row: PublicPostRow = {
      id: post.id,
      slug: post.slug,
      title: post.title,
      excerpt: post.excerpt,
      featured_image: post.featuredImage,
      category_id: post.categoryId,
      tag_ids: post.tagIds,
      author_id: post.authorId,
      reading_minutes: post.readingMinutes,
      published_at: post.publishedAt ?? post.updatedAt,
      updated_at: post.updatedAt,
      views: post.views,
      likes: post.likes,
      canonical_url: post.canonicalUrl,
      body_html: post.bodyHtml,
    };
    const [dto] = await this.mapper.toDtos(em, [row]);
    return { post: dto };
  }
}
