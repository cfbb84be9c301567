import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CursorQueryDto } from '../../../common/pagination';
import { COMMENT_STATUSES, type CommentStatus } from '../entities/blog-comment.entity';

export class CreateBlogCommentDto {
  @ApiProperty({ example: 'Great advice, thank you!', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reply to this top-level comment' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class BlogCommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ example: 'Grace H.', description: '"deleted user" once the account is erased' })
  authorName!: string;
  @ApiProperty({ example: 'Great advice!' }) body!: string;
  @ApiProperty({ enum: COMMENT_STATUSES }) status!: CommentStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class BlogCommentListDto {
  @ApiProperty({ type: [BlogCommentDto] }) items!: BlogCommentDto[];
}

export class BlogModerationCommentDto extends BlogCommentDto {
  @ApiProperty({ format: 'uuid' }) postId!: string;
  @ApiProperty({ example: 'cv-mistakes' }) postSlug!: string;
  @ApiProperty({ nullable: true, type: String, example: 'first_comment' }) heldFor!: string | null;
}

export class BlogModerationPageDto {
  @ApiProperty({ type: [BlogModerationCommentDto] }) items!: BlogModerationCommentDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListBlogModerationQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(COMMENT_STATUSES)
  status: CommentStatus = 'pending';
}

export class ModerateBlogCommentDto {
  @ApiProperty({ enum: ['approved', 'rejected', 'spam'] })
  @IsIn(['approved', 'rejected', 'spam'])
  status!: 'approved' | 'rejected' | 'spam';
}
