import { ApiProperty } from '@nestjs/swagger';
import type { EventDelivery } from '@lib/event-store';

/** The delivery of one event to one handler, as the dead-letter admin area shows it. */
export class EventDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ example: 'identity.user_deleted' })
  eventType!: string;
  @ApiProperty({ example: 'DeleteFilesOfDeletedUserHandler', description: 'Handler class' })
  handler!: string;
  @ApiProperty({ enum: ['pending', 'done', 'dead'] })
  status!: string;
  @ApiProperty({ example: 8, description: 'Attempts since it was last (re)started' })
  attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: 'Error: storage unavailable' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When its next attempt is due (pending)' })
  nextAttemptAt!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(d: EventDelivery): EventDeliveryDto {
    return {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      handler: d.handler,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError ?? null,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

export class EventDeliveryPageDto {
  @ApiProperty({ type: [EventDeliveryDto] })
  items!: EventDeliveryDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
