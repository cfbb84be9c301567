import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { TeamDocumentComment } from '../entities/team-document-comment.entity';

export class AddCommentDto {
  @ApiProperty({ example: 'Lead with the migration project.', minLength: 1, maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;
}

export class TeamCommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty({ example: 'Lead with the migration project.' })
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(comment: TeamDocumentComment): TeamCommentDto {
    return {
      id: comment.id,
      authorId: comment.authorId,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    };
  }
}

export class TeamCommentPageDto {
  @ApiProperty({ type: [TeamCommentDto] })
  items!: TeamCommentDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}
