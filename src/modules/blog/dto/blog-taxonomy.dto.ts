import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { SLUG_PATTERN } from '../content/slug';
import { BlogSocialLinksDto } from './blog-public.dto';

export class CreateBlogTermDto {
  @ApiProperty({ example: 'Career advice' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    example: 'career-advice',
    description: 'Generated from the name when left out',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(80)
  slug?: string;

  @ApiPropertyOptional({ example: 'Finding, landing and growing in a job.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class UpdateBlogTermDto extends PartialType(CreateBlogTermDto) {}

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

class BlogSocialLinksInputDto {
  @ApiPropertyOptional({ example: 'https://ada.example' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  website?: string;

  @ApiPropertyOptional({ example: 'https://twitter.com/ada' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  twitter?: string;

  @ApiPropertyOptional({ example: 'https://www.linkedin.com/in/ada' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  linkedin?: string;

  @ApiPropertyOptional({ example: 'https://github.com/ada' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  github?: string;
}

export class UpdateBlogAuthorProfileDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'ada-lovelace' })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(80)
  slug?: string;

  @ApiPropertyOptional({ example: 'Writes about careers in tech.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://cdn.example.com/ada.png' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  avatarUrl?: string | null;

  @ApiPropertyOptional({ type: BlogSocialLinksDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BlogSocialLinksInputDto)
  socialLinks?: BlogSocialLinksInputDto;
}
