import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorQueryDto } from '../../../../common/pagination';
import type { EmailSuppression, SuppressionReason } from '../entities/email-suppression.entity';

export const SUPPRESSION_REASONS: SuppressionReason[] = ['hard_bounce', 'complaint'];

export class ListSuppressionsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({
    description: 'Only addresses containing this text (case-insensitive).',
    example: 'example.com',
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ enum: SUPPRESSION_REASONS })
  @IsOptional()
  @IsIn(SUPPRESSION_REASONS)
  reason?: SuppressionReason;
}

export class SuppressionDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ example: 'gone@example.com' })
  email!: string;

  @ApiProperty({ enum: SUPPRESSION_REASONS, example: 'hard_bounce' })
  reason!: SuppressionReason;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '550 5.1.1 The email account that you tried to reach does not exist.',
  })
  detail!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Resend’s id of the email that bounced or was complained about.',
    example: '56761188-7520-42d8-8898-ff6fc54ce618',
  })
  providerEmailId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(row: EmailSuppression): SuppressionDto {
    return {
      id: row.id,
      email: row.email,
      reason: row.reason,
      detail: row.detail ?? null,
      providerEmailId: row.providerEmailId ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

export class SuppressionPageDto {
  @ApiProperty({ type: [SuppressionDto] })
  items!: SuppressionDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}

export class WebhookReceiptDto {
  @ApiProperty({ example: true })
  received!: boolean;

  @ApiProperty({
    example: false,
    description: 'True when this svix-id was received before: nothing changed this time.',
  })
  duplicate!: boolean;
}
