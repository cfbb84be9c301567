import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CursorQueryDto } from '../../../common/pagination';
import { POST_STATUSES, type BlogPost, type PostStatus } from '../entities/blog-post.entity';
import { BlogFeaturedImageDto, BlogSocialOverridesDto } from './blog-post-input.dto';

const ANY_JSON = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', nullable: true },
    { type: 'array', items: {} },
  ],
};

/** A post as its editor sees it. */
export class BlogAdminPostDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ example: 'Seven CV mistakes recruiters notice first' }) title!: string;
  @ApiProperty({ example: 'cv-mistakes' }) slug!: string;
  @ApiProperty({ example: '## Typos' }) bodyMarkdown!: string;
  @ApiProperty({ example: '<h2>Typos</h2>', description: 'Sanitized HTML rendered on save' })
  bodyHtml!: string;
  @ApiProperty({ example: 'What recruiters see first.' }) excerpt!: string;
  @ApiProperty({ type: BlogFeaturedImageDto, nullable: true })
  featuredImage!: BlogFeaturedImageDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId!: string | null;
  @ApiProperty({ type: [String] }) tagIds!: string[];
  @ApiProperty({ nullable: true, type: String }) metaTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) metaDescription!: string | null;
  @ApiProperty({ nullable: true, type: String }) canonicalUrl!: string | null;
  @ApiProperty({ type: BlogSocialOverridesDto, nullable: true })
  openGraph!: BlogSocialOverridesDto | null;
  @ApiProperty({ type: BlogSocialOverridesDto, nullable: true })
  twitter!: BlogSocialOverridesDto | null;
  @ApiProperty({ example: 4 }) readingMinutes!: number;
  @ApiProperty({ enum: POST_STATUSES }) status!: PostStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ example: 3, description: 'Revision number of the current content' })
  revision!: number;
  @ApiProperty({ example: 120 }) views!: number;
  @ApiProperty({ example: 7 }) likes!: number;
  @ApiProperty({ example: 2 }) shares!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(post: BlogPost): BlogAdminPostDto {
    return {
      id: post.id,
      authorId: post.authorId,
      title: post.title,
      slug: post.slug,
      bodyMarkdown: post.bodyMarkdown,
      bodyHtml: post.bodyHtml,
      excerpt: post.excerpt,
      featuredImage: post.featuredImage,
      categoryId: post.categoryId,
      tagIds: post.tagIds,
      metaTitle: post.metaTitle,
      metaDescription: post.metaDescription,
      canonicalUrl: post.canonicalUrl,
      openGraph: post.openGraph,
      twitter: post.twitter,
      readingMinutes: post.readingMinutes,
      status: post.status,
      publishAt: post.publishAt?.toISOString() ?? null,
      publishedAt: post.publishedAt?.toISOString() ?? null,
      revision: post.revision,
      views: post.views,
      likes: post.likes,
      shares: post.shares,
      createdAt: post.createdAt.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
    };
  }
}

export class BlogAdminPostSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ example: 'Seven CV mistakes' }) title!: string;
  @ApiProperty({ example: 'cv-mistakes' }) slug!: string;
  @ApiProperty({ enum: POST_STATUSES }) status!: PostStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ example: 3 }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BlogAdminPostPageDto {
  @ApiProperty({ type: [BlogAdminPostSummaryDto] }) items!: BlogAdminPostSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListBlogAdminPostsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: POST_STATUSES })
  @IsOptional()
  @IsIn(POST_STATUSES)
  status?: PostStatus;

  @ApiPropertyOptional({ description: 'Full-text search (web-search syntax)', example: 'cv typos' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class BlogRevisionDto {
  @ApiProperty({ example: 2 }) revision!: number;
  @ApiProperty({ format: 'uuid' }) editorId!: string;
  @ApiProperty({ nullable: true, type: Number, example: null }) restoredFrom!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: 'Seven CV mistakes' }) title!: string;
  @ApiProperty({ example: 'cv-mistakes' }) slug!: string;
}

export class BlogRevisionListDto {
  @ApiProperty({ type: [BlogRevisionDto] }) items!: BlogRevisionDto[];
}

export class BlogRevisionChangeDto {
  @ApiProperty({ enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] }) op!: string;
  @ApiProperty({ example: '/title' }) path!: string;
  @ApiProperty({ example: 'title' }) field!: string;
  @ApiPropertyOptional({ ...ANY_JSON, example: 'Old title' })
  before?: unknown;
  @ApiPropertyOptional({ ...ANY_JSON, example: 'New title' })
  after?: unknown;
  @ApiProperty({ example: 'Changed title from "Old title" to "New title"' }) text!: string;
}

export class BlogRevisionDiffDto {
  @ApiProperty({ example: 1 }) from!: number;
  @ApiProperty({ example: 2 }) to!: number;
  @ApiProperty({ type: [BlogRevisionChangeDto] }) changes!: BlogRevisionChangeDto[];
}

export class BlogRevisionDiffQueryDto {
  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  from!: number;

  @ApiProperty({ example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  to!: number;
}
