import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { StoredEventRecord } from '@lib/event-store';
import { CursorQueryDto } from '../../../common/pagination';
import type { ChainVerification } from '../queries/verify-chain/verify-chain.query';

export class AuditEventsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ description: 'Actor id (user id, or system component)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  streamType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional({ example: 'identity.user_logged_in' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  type?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive lower bound of occurredAt' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive upper bound of occurredAt' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

class ActorDto {
  @ApiProperty({ enum: ['user', 'system', 'api-key'] })
  type!: string;
  @ApiProperty({ example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;
}

class EventMetadataDto {
  @ApiPropertyOptional({ type: ActorDto })
  actor?: ActorDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'The API key the actor called with, if any' })
  apiKeyId?: string;
  @ApiPropertyOptional({ example: '203.0.113.7' })
  ip?: string;
  @ApiPropertyOptional({ example: 'Mozilla/5.0' })
  userAgent?: string;
  @ApiPropertyOptional()
  requestId?: string;
  @ApiPropertyOptional()
  correlationId?: string;
  @ApiPropertyOptional()
  causationId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The person whose personal data (ip, user agent, personal payload fields) is sealed with their own key',
  })
  subject?: string;
  @ApiPropertyOptional({ description: 'Keyed hash of the client IP (search and counts by IP)' })
  ipHash?: string;
  @ApiPropertyOptional({
    description: 'The subject was erased: their personal data is gone (crypto-shredded)',
  })
  erased?: boolean;
}

export class AuditEventDto {
  @ApiProperty({ example: '42', description: 'Position in the global chain' })
  seq!: string;
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'user' })
  streamType!: string;
  @ApiProperty()
  streamId!: string;
  @ApiProperty({ example: 1 })
  version!: number;
  @ApiProperty({ example: 'identity.user_logged_in' })
  type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} })
  payload!: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataDto })
  metadata!: EventMetadataDto;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  publishedAt!: string | null;
  @ApiProperty({ example: 'a3f1…', description: 'sha-256 of the previous event' })
  prevHash!: string;
  @ApiProperty({ example: '9b07…' })
  hash!: string;

  static from(e: StoredEventRecord): AuditEventDto {
    return {
      ...e,
      occurredAt: e.occurredAt.toISOString(),
      publishedAt: e.publishedAt?.toISOString() ?? null,
    };
  }
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items!: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

class BrokenLinkDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: '42' })
  seq!: string;
  @ApiProperty()
  streamType!: string;
  @ApiProperty()
  streamId!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty({
    enum: ['hash_mismatch', 'chain_broken', 'anchor_mismatch'],
    description:
      '`hash_mismatch`: the event’s keyed hash does not hold (edited); `chain_broken`: its link to the ' +
      'previous event does not; `anchor_mismatch`: it differs from a signed checkpoint of its seq.',
  })
  @IsIn(['hash_mismatch', 'chain_broken', 'anchor_mismatch'])
  reason!: 'hash_mismatch' | 'chain_broken' | 'anchor_mismatch';
}

class TruncationDto {
  @ApiProperty({ example: '1200', description: 'The seq of the newest signed checkpoint' })
  anchoredSeq!: string;
  @ApiProperty({
    example: '1180',
    nullable: true,
    type: String,
    description: 'The newest seq in the database',
  })
  lastSeq!: string | null;
}

export class ChainVerificationDto implements ChainVerification {
  @ApiProperty({ example: true })
  valid!: boolean;
  @ApiProperty({ example: 1200, description: 'Events verified before the first broken one' })
  checked!: number;
  @ApiPropertyOptional({ type: BrokenLinkDto })
  firstBroken?: BrokenLinkDto;
  @ApiPropertyOptional({
    type: TruncationDto,
    description: 'Events were cut from the tail: the chain ends before the newest checkpoint.',
  })
  truncated?: TruncationDto;
  @ApiPropertyOptional({
    example: 'latest.json is not signed by the audit chain key',
    description: 'The anchors outside the database are missing or not signed by the chain key.',
  })
  anchorProblem?: string;
  @ApiPropertyOptional({ example: '1200', description: 'The checkpoint compared against' })
  anchoredSeq?: string;
}
