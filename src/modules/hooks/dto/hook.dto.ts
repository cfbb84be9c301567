import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { HOOK_EVENTS, type HookEventName } from '../hook-events';
import type { HookSubscription } from '../entities/hook-subscription.entity';

export class SubscribeHookDto {
  @ApiProperty({
    description: 'Where to POST deliveries: https (in production), public addresses only.',
    example: 'https://hooks.zapier.com/hooks/standard/123456/abcdef/',
    maxLength: 2000,
  })
  @IsString()
  @MaxLength(2000)
  target_url!: string;

  @ApiProperty({ enum: HOOK_EVENTS, example: 'cv.completed' })
  @IsIn(HOOK_EVENTS)
  event!: HookEventName;
}

export class HookDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ enum: HOOK_EVENTS, example: 'cv.completed' })
  event!: HookEventName;

  @ApiProperty({ example: 'https://hooks.zapier.com/hooks/standard/123456/abcdef/' })
  target_url!: string;

  @ApiProperty({
    description: 'False once the target answered 410 Gone: nothing is delivered any more.',
    example: true,
  })
  active!: boolean;

  @ApiProperty({ type: String, nullable: true, enum: ['gone'], example: null })
  deactivated_reason!: 'gone' | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  static from(hook: HookSubscription): HookDto {
    return {
      id: hook.id,
      event: hook.event,
      target_url: hook.targetUrl,
      active: hook.active,
      deactivated_reason: hook.deactivatedReason ?? null,
      created_at: hook.createdAt.toISOString(),
    };
  }
}

export class CreatedHookDto extends HookDto {
  @ApiProperty({
    description:
      'Signing secret of the Standard Webhooks signature (`webhook-signature`), shown only here.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret!: string;
}

export class HookPageDto {
  @ApiProperty({ type: [HookDto] })
  items!: HookDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class HookDeliveryAttemptDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The event delivered (also the `webhook-id`).' })
  event_id!: string;

  @ApiProperty({ example: 'cv.completed' })
  event!: string;

  @ApiProperty({ example: 1, description: '1 for the first try, then 2, 3…' })
  attempt!: number;

  @ApiProperty({ format: 'date-time' })
  attempted_at!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 200,
    description: 'Null without an answer.',
  })
  status_code!: number | null;

  @ApiProperty({ example: 182 })
  duration_ms!: number;

  @ApiProperty({ enum: ['delivered', 'retrying', 'failed', 'gone'], example: 'delivered' })
  outcome!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  error!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  next_retry_at!: string | null;
}

export class HookDeliveryPageDto {
  @ApiProperty({ type: [HookDeliveryAttemptDto] })
  items!: HookDeliveryAttemptDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class HookSampleDto {
  @ApiProperty({ enum: HOOK_EVENTS, example: 'cv.completed' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  timestamp!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event’s record, exactly as deliveries carry it.',
    example: { id: '01936f0e-8c1d-7a2b-b3c4-5d6e7f809102', title: 'Senior Backend Engineer' },
  })
  data!: Record<string, unknown>;
}

export class HookSampleListDto {
  @ApiProperty({ type: [HookSampleDto] })
  items!: HookSampleDto[];
}
