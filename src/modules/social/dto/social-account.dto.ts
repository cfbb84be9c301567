import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SOCIAL_NETWORKS } from '@lib/providers';
import type { SocialAccount } from '../entities/social-account.entity';
import type { SocialQueueSlot } from '../entities/social-queue-slot.entity';

export class QueueSlotDto {
  @ApiProperty({ minimum: 0, maximum: 6, example: 1, description: '0 = Sunday … 6 = Saturday' })
  @IsInt()
  @Min(0)
  @Max(6)
  weekday!: number;

  @ApiProperty({ example: '09:30', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  time!: string;
}

export class SetQueueSlotsDto {
  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    description: 'IANA zone the slot times are in.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiProperty({ type: [QueueSlotDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QueueSlotDto)
  slots!: QueueSlotDto[];
}

export class QueueSlotsDto {
  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ type: [QueueSlotDto] })
  slots!: QueueSlotDto[];
}

export class SocialAccountDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SOCIAL_NETWORKS, example: 'sandbox' })
  network!: string;

  @ApiProperty({ example: 'Sandbox member 3f2a' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '@sandbox_3f2a1b' })
  handle!: string | null;

  @ApiProperty({ enum: ['member', 'page', 'instagram_account', 'sandbox'], example: 'member' })
  kind!: string;

  @ApiProperty({
    enum: ['connected', 'expiring', 'reconnect_required'],
    example: 'connected',
    description:
      '`expiring`: the token lapses soon and cannot be refreshed (reconnect before then).',
  })
  health!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  healthReason!: string | null;

  @ApiProperty({ type: [String], example: ['w_member_social'] })
  scopes!: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  tokenExpiresAt!: string | null;

  @ApiProperty({ type: QueueSlotsDto })
  queue!: QueueSlotsDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(account: SocialAccount, slots: SocialQueueSlot[] = []): SocialAccountDto {
    const health = account.health();
    return {
      id: account.id,
      network: account.network,
      name: account.name,
      handle: account.handle ?? null,
      kind: account.kind,
      health,
      healthReason:
        health === 'reconnect_required' ? (account.statusReason ?? 'Token expired') : null,
      scopes: account.scopes,
      tokenExpiresAt: account.tokenExpiresAt?.toISOString() ?? null,
      queue: {
        timezone: account.timezone,
        slots: slots
          .map((s) => ({ weekday: s.weekday, time: s.time }))
          .sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time)),
      },
      createdAt: account.createdAt.toISOString(),
    };
  }
}

export class SocialAccountListDto {
  @ApiProperty({ type: [SocialAccountDto] })
  items!: SocialAccountDto[];
}
