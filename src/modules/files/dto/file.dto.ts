import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CursorQueryDto } from '../../../common/pagination';
import { FILE_KIND_NAMES, type FileKind } from '../file-kinds';
import type { FileStatus, StoredFile } from '../entities/stored-file.entity';
import type { FileRejectReason } from '../events/file.events';

const STATUSES: FileStatus[] = ['pending', 'ready', 'rejected'];
const REJECT_REASONS: FileRejectReason[] = ['infected', 'unprocessable', 'upload_lost'];

/** The multipart body of POST /v1/files, for OpenAPI (the handler reads the stream itself). */
export const UPLOAD_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['kind', 'file'],
  properties: {
    kind: {
      type: 'string',
      enum: FILE_KIND_NAMES,
      description: 'Send this field before `file`: it decides the size limit and allowed formats.',
    },
    file: { type: 'string', format: 'binary', description: 'The file (one per request).' },
  },
};

@ApiSchema({ name: 'FileVariant' })
export class FileVariantDto {
  @ApiProperty({ example: 'image/webp' })
  mimeType!: string;
  @ApiProperty({ example: 10240 })
  size!: number;
  @ApiPropertyOptional({ example: 256 })
  width?: number;
  @ApiPropertyOptional({ example: 256 })
  height?: number;
}

@ApiSchema({ name: 'File' })
export class FileDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;
  @ApiProperty({ enum: FILE_KIND_NAMES, example: 'profile-image' })
  kind!: FileKind;
  @ApiProperty({
    enum: STATUSES,
    example: 'pending',
    description:
      '`pending` until the virus scan and processing are done; then `ready`, or `rejected` (see rejectReason).',
  })
  status!: FileStatus;
  @ApiProperty({
    example: 'image/jpeg',
    description: 'Detected from the content, not from the name or the client',
  })
  mimeType!: string;
  @ApiProperty({ example: 482113, description: 'Bytes uploaded' })
  size!: number;
  @ApiProperty({ example: 'me.jpg' })
  originalName!: string;
  @ApiProperty({
    example: true,
    description: 'Public files are readable by URL without signing in',
  })
  isPublic!: boolean;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  checksum!: string;
  @ApiProperty({ nullable: true, enum: REJECT_REASONS, type: String })
  rejectReason!: FileRejectReason | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Eicar-Test-Signature.UNOFFICIAL',
    description: 'The malware signature when rejected as infected',
  })
  scanSignature!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FileVariant' },
    example: { w256: { mimeType: 'image/jpeg', size: 10240, width: 256, height: 171 } },
    description: 'Renditions by name; read one at GET /v1/files/{id}/content?variant=<name>',
  })
  variants!: Record<string, FileVariantDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { pageCount: 2, text: 'Ada Lovelace…' },
    description:
      'What processing found: dimensions, page count, text, duration… Lists leave out `text` ' +
      '(read one file for it).',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  processedAt!: string | null;

  static from(file: StoredFile, { withText = true }: { withText?: boolean } = {}): FileDto {
    const { text, ...metadata } = file.metadata ?? {};
    return {
      id: file.id,
      kind: file.kind,
      status: file.status,
      mimeType: file.mimeType,
      size: file.size,
      originalName: file.originalName,
      isPublic: file.isPublic,
      checksum: file.checksum,
      rejectReason: file.rejectReason ?? null,
      scanSignature: file.scanSignature ?? null,
      variants: Object.fromEntries(
        Object.entries(file.variants ?? {}).map(([name, { mimeType, size, width, height }]) => [
          name,
          { mimeType, size, width, height },
        ]),
      ),
      metadata: withText && text !== undefined ? { ...metadata, text } : metadata,
      createdAt: file.createdAt.toISOString(),
      uploadedAt: file.uploadedAt.toISOString(),
      processedAt: file.processedAt?.toISOString() ?? null,
    };
  }
}

export class FilePageDto {
  @ApiProperty({ type: [FileDto] })
  items!: FileDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}

export class ListFilesQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: FILE_KIND_NAMES })
  @IsOptional()
  @IsIn(FILE_KIND_NAMES)
  kind?: FileKind;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: FileStatus;
}

export class FileContentQueryDto {
  @ApiPropertyOptional({
    example: 'w256-webp',
    description: 'A variant name from the file’s `variants`; omit for the original.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9-]+$/)
  variant?: string;
}
