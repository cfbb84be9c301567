import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SLUG_PATTERN } from '../content/slug';
import { BlogFeaturedImageDto } from './blog-post-input.dto';

export const POST_FIELDS = [
  'title',
  'excerpt',
  'featuredImage',
  'category',
  'tags',
  'author',
  'readingMinutes',
  'publishedAt',
  'updatedAt',
  'views',
  'likes',
] as const;
export type PostField = (typeof POST_FIELDS)[number];
export const POST_INCLUDES = ['bodyHtml'] as const;

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export class ListBlogPostsQueryDto {
  @ApiPropertyOptional({ example: 'career-advice', description: 'Category slug' })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(80)
  category?: string;

  @ApiPropertyOptional({ example: 'cv', description: 'Tag slug' })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(80)
  tag?: string;

  @ApiPropertyOptional({ example: 'ada-lovelace', description: 'Author slug' })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(80)
  author?: string;

  @ApiPropertyOptional({ example: 'cover letter', description: 'Full-text search' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({
    description: `Comma-separated fields to return besides id and slug: ${POST_FIELDS.join(', ')}`,
    example: 'title,excerpt,publishedAt',
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @ArrayMaxSize(POST_FIELDS.length)
  @IsIn(POST_FIELDS, { each: true })
  fields?: PostField[];

  @ApiPropertyOptional({ description: 'Extra parts: bodyHtml', example: 'bodyHtml' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(POST_INCLUDES, { each: true })
  include?: (typeof POST_INCLUDES)[number][];

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}

export class BlogTermRefDto {
  @ApiProperty({ example: 'cv' }) slug!: string;
  @ApiProperty({ example: 'CV' }) name!: string;
}

export class BlogAuthorRefDto {
  @ApiProperty({ example: 'ada-lovelace' }) slug!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
}

/** A published post; list answers carry only the requested `fields`. */
export class BlogPublicPostDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'cv-mistakes' }) slug!: string;
  @ApiPropertyOptional({ example: 'Seven CV mistakes' }) title?: string;
  @ApiPropertyOptional({ example: 'What recruiters see first.' }) excerpt?: string;
  @ApiPropertyOptional({ type: BlogFeaturedImageDto, nullable: true })
  featuredImage?: BlogFeaturedImageDto | null;
  @ApiPropertyOptional({ type: BlogTermRefDto, nullable: true }) category?: BlogTermRefDto | null;
  @ApiPropertyOptional({ type: [BlogTermRefDto] }) tags?: BlogTermRefDto[];
  @ApiPropertyOptional({ type: BlogAuthorRefDto, nullable: true })
  author?: BlogAuthorRefDto | null;
  @ApiPropertyOptional({ example: 4 }) readingMinutes?: number;
  @ApiPropertyOptional({ format: 'date-time' }) publishedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
  @ApiPropertyOptional({ example: 120 }) views?: number;
  @ApiPropertyOptional({ example: 7 }) likes?: number;
  @ApiPropertyOptional({ example: '<p>Hello</p>', description: 'Sanitized HTML' })
  bodyHtml?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) canonicalUrl?: string | null;
}

export class BlogPageMetaDto {
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 10 }) limit!: number;
  @ApiProperty({ example: 4 }) pages!: number;
  @ApiProperty({ example: 37 }) total!: number;
  @ApiProperty({ nullable: true, type: Number, example: 2 }) next!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) prev!: number | null;
}

export class BlogPublicPostPageDto {
  @ApiProperty({ type: [BlogPublicPostDto] }) items!: BlogPublicPostDto[];
  @ApiProperty({ type: BlogPageMetaDto }) meta!: BlogPageMetaDto;
}

export class BlogPublicPostListDto {
  @ApiProperty({ type: [BlogPublicPostDto] }) items!: BlogPublicPostDto[];
}

export class BlogHeadMetaDto {
  @ApiProperty({ example: 'Seven CV mistakes | Career Tools' }) title!: string;
  @ApiProperty({ example: 'What recruiters see first.' }) description!: string;
  @ApiProperty({ example: 'https://careertools.example/blog/cv-mistakes' }) canonical!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'og:type': 'article', 'og:title': 'Seven CV mistakes' },
  })
  openGraph!: Record<string, string>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'twitter:card': 'summary_large_image' },
  })
  twitter!: Record<string, string>;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'JSON-LD documents: a BlogPosting and a BreadcrumbList',
  })
  jsonLd!: Record<string, unknown>[];
}

export class BlogTermDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'career-advice' }) slug!: string;
  @ApiProperty({ example: 'Career advice' }) name!: string;
  @ApiProperty({ example: 'Finding, landing and growing in a job.' }) description!: string;
  @ApiProperty({ example: 12, description: 'Published posts' }) posts!: number;
}

export class BlogTermListDto {
  @ApiProperty({ type: [BlogTermDto] }) items!: BlogTermDto[];
}

export class BlogSocialLinksDto {
  @ApiPropertyOptional({ example: 'https://ada.example' }) website?: string;
  @ApiPropertyOptional({ example: 'https://twitter.com/ada' }) twitter?: string;
  @ApiPropertyOptional({ example: 'https://www.linkedin.com/in/ada' }) linkedin?: string;
  @ApiPropertyOptional({ example: 'https://github.com/ada' }) github?: string;
}

export class BlogAuthorDto {
  @ApiProperty({ example: 'ada-lovelace' }) slug!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name!: string;
  @ApiProperty({ example: 'Writes about careers in tech.' }) bio!: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
  @ApiProperty({ type: BlogSocialLinksDto }) socialLinks!: BlogSocialLinksDto;
  @ApiProperty({ example: 12, description: 'Published posts' }) posts!: number;
}

export class BlogAuthorListDto {
  @ApiProperty({ type: [BlogAuthorDto] }) items!: BlogAuthorDto[];
}

export class BlogCountersDto {
  @ApiProperty({
    example: 120,
    description: 'Views flushed so far (Redis counts are added every few minutes)',
  })
  views!: number;
  @ApiProperty({ example: 7 }) likes!: number;
  @ApiProperty({ example: 2 }) shares!: number;
}

export class BlogViewDto {
  @ApiProperty({ description: 'false when this visitor was already counted today' })
  counted!: boolean;
}
