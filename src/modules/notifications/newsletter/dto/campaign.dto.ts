import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { RecipientCounts } from '../campaign-recipients';
import type { NewsletterCampaign, CampaignStatus } from '../entities/newsletter-campaign.entity';
import { NEWSLETTER_TOPIC_IDS, type NewsletterTopic } from '../newsletter-topics';

const STATUSES: CampaignStatus[] = ['draft', 'scheduled', 'sending', 'sent', 'failed'];

export class CreateCampaignDto {
  @ApiProperty({ example: 'Five CV mistakes recruiters notice first', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject!: string;

  @ApiProperty({
    description: 'CommonMark. Raw HTML is shown as text; links must be http(s) or mailto.',
    example: '# Five CV mistakes\n\n1. **No numbers.** Say what changed because of you.\n',
    maxLength: 100000,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  markdown!: string;

  @ApiProperty({ enum: NEWSLETTER_TOPIC_IDS, example: 'career-tips' })
  @IsIn(NEWSLETTER_TOPIC_IDS)
  topic!: NewsletterTopic;
}

export class SendCampaignDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-03T08:00:00.000Z',
    description:
      'Send at this time instead of now; the recipients are fixed when sending starts. ' +
      'A time in the past sends now.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  sendAt?: string;
}

export class CampaignRecipientCountsDto {
  @ApiProperty({ example: 1250, description: 'Recipients fixed when sending started.' })
  total!: number;

  @ApiProperty({ example: 250, description: 'Not sent yet.' })
  pending!: number;

  @ApiProperty({ example: 990, description: 'Accepted by the mail provider.' })
  sent!: number;

  @ApiProperty({ example: 0, description: 'Refused by the mail provider.' })
  failed!: number;

  @ApiProperty({ example: 10, description: 'On the suppression list; never mailed.' })
  suppressed!: number;
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ example: 'Five CV mistakes recruiters notice first' })
  subject!: string;

  @ApiProperty({ example: '# Five CV mistakes\n\n…' })
  markdown!: string;

  @ApiProperty({ enum: NEWSLETTER_TOPIC_IDS, example: 'career-tips' })
  topic!: NewsletterTopic;

  @ApiProperty({ enum: STATUSES, example: 'draft' })
  status!: CampaignStatus;

  @ApiProperty({
    example: 1250,
    description: 'Confirmed subscribers of the topic who are not on the suppression list, now.',
  })
  audience!: number;

  @ApiProperty({
    type: CampaignRecipientCountsDto,
    description: 'Progress of the send: all zero until sending starts.',
  })
  recipients!: CampaignRecipientCountsDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  scheduledAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;

  static from(
    campaign: NewsletterCampaign,
    audience: number,
    recipients: RecipientCounts,
  ): CampaignDto {
    return {
      id: campaign.id,
      subject: campaign.subject,
      markdown: campaign.markdown,
      topic: campaign.topic,
      status: campaign.status,
      audience,
      recipients,
      createdAt: campaign.createdAt.toISOString(),
      scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
      startedAt: campaign.startedAt?.toISOString() ?? null,
      finishedAt: campaign.finishedAt?.toISOString() ?? null,
    };
  }
}

export class CampaignPageDto {
  @ApiProperty({ type: [CampaignDto] })
  items!: CampaignDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}

export class CampaignPreviewDto {
  @ApiProperty({ example: 'Five CV mistakes recruiters notice first' })
  subject!: string;

  @ApiProperty({ example: '<!doctype html><html>…<h1>Five CV mistakes</h1>…</html>' })
  html!: string;

  @ApiProperty({ example: '# Five CV mistakes\n\n…' })
  text!: string;
}
