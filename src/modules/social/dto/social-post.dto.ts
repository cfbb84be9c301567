import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { PostMediaItem, PostVariant, SocialPost } from '../entities/social-post.entity';
import { TARGET_STATUSES, type SocialPostTarget } from '../entities/social-post-target.entity';

export class SocialMediaRefDto {
  @ApiProperty({
    format: 'uuid',
    example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
    description: 'A ready image or video of yours from POST /v1/files.',
  })
  @IsUUID('7')
  fileId!: string;
}

export class SocialPostVariantDto {
  @ApiPropertyOptional({ example: 'Shorter text for X #hiring', maxLength: 25000 })
  @IsOptional()
  @IsString()
  @MaxLength(25000)
  text?: string;

  @ApiPropertyOptional({ type: [SocialMediaRefDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SocialMediaRefDto)
  media?: SocialMediaRefDto[];
}

/** One optional variant per network. */
export class SocialPostVariantsDto {
  @ApiPropertyOptional({ type: SocialPostVariantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantDto)
  sandbox?: SocialPostVariantDto;

  @ApiPropertyOptional({ type: SocialPostVariantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantDto)
  linkedin?: SocialPostVariantDto;

  @ApiPropertyOptional({ type: SocialPostVariantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantDto)
  x?: SocialPostVariantDto;

  @ApiPropertyOptional({ type: SocialPostVariantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantDto)
  facebook?: SocialPostVariantDto;

  @ApiPropertyOptional({ type: SocialPostVariantDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantDto)
  instagram?: SocialPostVariantDto;
}

export class CreateSocialPostDto {
  @ApiProperty({ example: 'I just finished my new CV with Career Tools!', maxLength: 25000 })
  @IsString()
  @MaxLength(25000)
  text!: string;

  @ApiPropertyOptional({ type: [SocialMediaRefDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SocialMediaRefDto)
  media?: SocialMediaRefDto[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: ['01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f'],
    description: 'Your connected accounts to publish to. Empty or absent: a draft.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('7', { each: true })
  accounts?: string[];

  @ApiPropertyOptional({ type: SocialPostVariantsDto, description: 'Per-network text or media.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantsDto)
  variants?: SocialPostVariantsDto;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-24T09:00:00Z',
    description: 'Publish at this time. Without it (and with accounts) the post stays a draft.',
  })
  @IsOptional()
  @IsDateString()
  scheduledAt?: string;

  @ApiPropertyOptional({ example: 'Link in the comments: https://example.com', maxLength: 3000 })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  firstComment?: string;

  @ApiPropertyOptional({ type: [String], example: ['2/ and another thing'], maxItems: 25 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(25)
  @IsString({ each: true })
  @MaxLength(25000, { each: true })
  thread?: string[];
}

export class UpdateSocialPostDto {
  @ApiPropertyOptional({ example: 'Edited text', maxLength: 25000 })
  @IsOptional()
  @IsString()
  @MaxLength(25000)
  text?: string;

  @ApiPropertyOptional({ type: [SocialMediaRefDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SocialMediaRefDto)
  media?: SocialMediaRefDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('7', { each: true })
  accounts?: string[];

  @ApiPropertyOptional({ type: SocialPostVariantsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialPostVariantsDto)
  variants?: SocialPostVariantsDto;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A new time; null makes the post a draft again.',
  })
  @IsOptional()
  @IsDateString()
  scheduledAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 3000 })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  firstComment?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 25 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(25)
  @IsString({ each: true })
  thread?: string[];
}

export class SocialPostTargetDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty({ example: 'sandbox' })
  network!: string;

  @ApiProperty({
    enum: TARGET_STATUSES,
    example: 'published',
    description:
      '`unconfirmed`: the create call timed out; it is checked against the network’s recent posts, ' +
      'never sent again blindly.',
  })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  scheduledAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'sbx-m3x1k2-9f8e7d6c' })
  remoteId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://sandbox.social.invalid/p/1' })
  remoteUrl!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  failureReason!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, example: null })
  retryable!: boolean | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  static of(target: SocialPostTarget): SocialPostTargetDto {
    return {
      id: target.id,
      accountId: target.account.id,
      network: target.network,
      status: target.status,
      scheduledAt: target.scheduledAt.toISOString(),
      remoteId: target.remoteId ?? null,
      remoteUrl: target.remoteUrl ?? null,
      failureReason: target.failureReason ?? null,
      retryable: target.retryable ?? null,
      publishedAt: target.publishedAt?.toISOString() ?? null,
    };
  }
}

export class SocialPostMediaDto {
  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty({ enum: ['image', 'video'] })
  kind!: string;

  @ApiProperty({ example: 'image/jpeg' })
  mimeType!: string;

  @ApiProperty({ example: 48213 })
  sizeBytes!: number;
}

export class SocialPostVariantOutDto {
  @ApiPropertyOptional({ example: 'Shorter text for X' })
  text?: string;

  @ApiPropertyOptional({ type: [SocialPostMediaDto] })
  media?: SocialPostMediaDto[];
}

export class SocialPostDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'I just finished my new CV with Career Tools!' })
  text!: string;

  @ApiProperty({ type: [SocialPostMediaDto] })
  media!: SocialPostMediaDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/SocialPostVariantOutDto' },
    example: { x: { text: 'Shorter text for X' } },
  })
  variants!: Record<string, SocialPostVariantOutDto>;

  @ApiProperty({ type: String, nullable: true })
  firstComment!: string | null;

  @ApiProperty({ type: [String] })
  thread!: string[];

  @ApiProperty({ enum: ['draft', 'scheduled'], example: 'scheduled' })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  scheduledAt!: string | null;

  @ApiProperty({ type: [SocialPostTargetDto] })
  targets!: SocialPostTargetDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(post: SocialPost, targets: SocialPostTarget[]): SocialPostDto {
    return {
      id: post.id,
      text: post.text,
      media: post.media.map(mediaOut),
      variants: Object.fromEntries(
        Object.entries(post.variants).map(([network, v]: [string, PostVariant]) => [
          network,
          {
            ...(v.text !== undefined ? { text: v.text } : {}),
            ...(v.media ? { media: v.media.map(mediaOut) } : {}),
          },
        ]),
      ),
      firstComment: post.firstComment ?? null,
      thread: post.thread,
      status: post.status,
      scheduledAt: post.scheduledAt?.toISOString() ?? null,
      targets: targets.map((t) => SocialPostTargetDto.of(t)),
      createdAt: post.createdAt.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
    };
  }
}

const mediaOut = (m: PostMediaItem): SocialPostMediaDto => ({
  fileId: m.fileId,
  kind: m.kind,
  mimeType: m.mimeType,
  sizeBytes: m.sizeBytes,
});

export class SocialPostPageDto {
  @ApiProperty({ type: [SocialPostDto] })
  items!: SocialPostDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
