import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  SHARE_PERMISSIONS,
  TEAM_DOCUMENT_TYPES,
  type SharePermission,
  type TeamDocumentShare,
  type TeamDocumentType,
} from '../entities/team-document-share.entity';

export class ShareDocumentDto {
  @ApiProperty({ enum: TEAM_DOCUMENT_TYPES, example: 'cv' })
  @IsIn(TEAM_DOCUMENT_TYPES)
  type!: TeamDocumentType;

  @ApiProperty({ format: 'uuid', description: 'One of your CVs or cover letters.' })
  @IsUUID()
  documentId!: string;

  @ApiProperty({
    enum: SHARE_PERMISSIONS,
    example: 'edit',
    description:
      '`view`: members read it; `edit`: members also change it through the CV or cover-letter routes.',
  })
  @IsIn(SHARE_PERMISSIONS)
  permission!: SharePermission;
}

export class TeamDocumentDto {
  @ApiProperty({ format: 'uuid', description: 'The share’s id.' })
  id!: string;

  @ApiProperty({ enum: TEAM_DOCUMENT_TYPES, example: 'cv' })
  type!: TeamDocumentType;

  @ApiProperty({ format: 'uuid' })
  documentId!: string;

  @ApiProperty({ example: 'Senior Backend Engineer' })
  title!: string;

  @ApiProperty({ enum: SHARE_PERMISSIONS, example: 'edit' })
  permission!: SharePermission;

  @ApiProperty({ format: 'uuid', description: 'Who shared it.' })
  sharedBy!: string;

  @ApiProperty({ format: 'date-time' })
  sharedAt!: string;

  static from(share: TeamDocumentShare, title: string): TeamDocumentDto {
    return {
      id: share.id,
      type: share.documentType,
      documentId: share.documentId,
      title,
      permission: share.permission,
      sharedBy: share.sharedBy,
      sharedAt: share.createdAt.toISOString(),
    };
  }
}

export class TeamDocumentListDto {
  @ApiProperty({ type: [TeamDocumentDto] })
  items!: TeamDocumentDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The next page’s `cursor`; null on the last.',
  })
  nextCursor!: string | null;
}
