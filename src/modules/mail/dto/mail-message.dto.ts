import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MailMessage } from '../entities/mail-message.entity';

export class MailMessageDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ example: 'Career Tools <noreply@career-tools.local>' })
  from!: string;

  @ApiProperty({ type: [String], example: ['ada@example.com'] })
  to!: string[];

  @ApiProperty({ example: 'Welcome to Career Tools' })
  subject!: string;

  @ApiProperty({ example: '<p>Hello Ada</p>' })
  html!: string;

  @ApiProperty({ example: 'Hello Ada' })
  text!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'welcome' })
  template!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Extra headers the message carries (List-Unsubscribe on bulk mail)',
    example: {
      'List-Unsubscribe': '<https://api.career-tools.example/v1/unsubscribe/…>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  })
  headers!: Record<string, string> | null;

  @ApiProperty({ enum: ['queued', 'sent', 'failed'], example: 'sent' })
  status!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'outbox' })
  driver!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'outbox:01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f',
  })
  providerMessageId!: string | null;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  sentAt!: string | null;

  static from(message: MailMessage): MailMessageDto {
    return {
      id: message.id,
      from: message.fromAddress,
      to: message.recipients,
      subject: message.subject,
      html: message.html,
      text: message.text,
      template: message.template ?? null,
      headers: message.headers ?? null,
      status: message.status,
      driver: message.driver ?? null,
      providerMessageId: message.providerMessageId ?? null,
      attempts: message.attempts,
      lastError: message.lastError ?? null,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
    };
  }
}

export class MailMessagePageDto {
  @ApiProperty({ type: [MailMessageDto] })
  items!: MailMessageDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}
