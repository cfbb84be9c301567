import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorQueryDto } from '../../../common/pagination';
import type { Notification } from '../entities/notification.entity';

export class NotificationDto {
  @ApiProperty({ format: 'uuid', example: '0193b0a4-5a7e-7c3e-9a51-3f0b2a6c9d10' })
  id!: string;

  @ApiProperty({ example: 'billing.payment_failed' })
  type!: string;

  @ApiProperty({ example: 'billing' })
  category!: string;

  @ApiProperty({ example: 'Your payment failed' })
  title!: string;

  @ApiProperty({ example: 'We could not charge €9.00 for Pro.' })
  body!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'https://app.career-tools.example/settings/billing',
  })
  url!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What the sender passed (type-specific)',
    example: { plan: 'Pro', amount: '€9.00' },
  })
  payload!: Record<string, unknown>;

  @ApiProperty({
    example: 1,
    description: 'How many notifications this one stands for (a collapsed burst > 1)',
  })
  count!: number;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  readAt!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  archivedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(n: Notification): NotificationDto {
    return {
      id: n.id,
      type: n.type,
      category: n.category,
      title: n.title,
      body: n.body,
      url: n.url ?? null,
      payload: n.payload,
      count: n.count,
      readAt: n.readAt?.toISOString() ?? null,
      archivedAt: n.archivedAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    };
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];

  @ApiProperty({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}

export const INBOX_FILTERS = ['inbox', 'unread', 'archived'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export class ListNotificationsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({
    enum: INBOX_FILTERS,
    default: 'inbox',
    description:
      '`inbox`: everything not archived; `unread`: not read and not archived; `archived`',
  })
  @IsOptional()
  @IsIn(INBOX_FILTERS)
  filter: InboxFilter = 'inbox';
}

export class UnreadCountDto {
  @ApiProperty({ example: 3, description: 'Unread, not archived (counted up to 100)' })
  count!: number;

  @ApiProperty({ example: '3', description: 'What a badge shows: the count, or "99+" beyond 99' })
  display!: string;
}

export class ReadAllResultDto {
  @ApiProperty({ example: 4, description: 'How many notifications were marked read' })
  updated!: number;
}

export class StreamTicketDto {
  @ApiProperty({ example: 'st_6c4f…', description: 'Single use; pass as ?ticket= to the stream' })
  ticket!: string;

  @ApiProperty({ example: 60 })
  expiresIn!: number;
}
