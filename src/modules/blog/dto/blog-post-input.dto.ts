import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SLUG_PATTERN } from '../content/slug';
import { POST_STATUSES, type PostStatus } from '../entities/blog-post.entity';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class BlogFeaturedImageDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The upload (kind `blog-image`) it came from',
  })
  @IsOptional()
  @IsUUID()
  fileId?: string;

  @ApiProperty({ example: 'https://cdn.example.com/blog/cover.webp' })
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ example: 'A desk with a laptop showing a CV' })
  @IsString()
  @MaxLength(300)
  alt!: string;

  @ApiProperty({ example: 1200 })
  @IsInt()
  @Min(1)
  @Max(20000)
  width!: number;

  @ApiProperty({ example: 630 })
  @IsInt()
  @Min(1)
  @Max(20000)
  height!: number;
}

export class BlogSocialOverridesDto {
  @ApiPropertyOptional({ example: '7 CV mistakes recruiters notice first' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 'And how to fix each in five minutes.' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  description?: string;

  @ApiPropertyOptional({ example: 'https://cdn.example.com/blog/cover-og.png' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  image?: string;
}

export class CreateBlogPostDto {
  @ApiProperty({ example: 'Seven CV mistakes recruiters notice first', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    example: 'cv-mistakes',
    description: 'Generated from the title when left out; an old slug keeps answering with 301',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(80)
  slug?: string;

  @ApiProperty({ example: '## Typos\n\nRead it **aloud**.', description: 'Markdown (GFM)' })
  @IsString()
  @MaxLength(200_000)
  bodyMarkdown!: string;

  @ApiPropertyOptional({ example: 'What recruiters see in the first six seconds.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  excerpt?: string;

  @ApiPropertyOptional({ type: BlogFeaturedImageDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BlogFeaturedImageDto)
  featuredImage?: BlogFeaturedImageDto | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  tagIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  metaTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 400 })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  metaDescription?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'An external canonical URL; such posts stay out of the sitemaps',
  })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  canonicalUrl?: string | null;

  @ApiPropertyOptional({ type: BlogSocialOverridesDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BlogSocialOverridesDto)
  openGraph?: BlogSocialOverridesDto | null;

  @ApiPropertyOptional({ type: BlogSocialOverridesDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BlogSocialOverridesDto)
  twitter?: BlogSocialOverridesDto | null;

  @ApiPropertyOptional({ enum: POST_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(POST_STATUSES)
  status?: PostStatus;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When a `scheduled` post goes live (in the future)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishAt?: string | null;
}

export class UpdateBlogPostDto extends PartialType(CreateBlogPostDto) {}
