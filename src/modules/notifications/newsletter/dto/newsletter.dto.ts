import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { NEWSLETTER_TOPIC_IDS, type NewsletterTopic } from '../newsletter-topics';

export class SubscribeDto {
  @ApiProperty({ example: 'reader@example.com', maxLength: 320 })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({
    enum: NEWSLETTER_TOPIC_IDS,
    isArray: true,
    example: ['career-tips'],
    description: 'Omit for every topic.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(NEWSLETTER_TOPIC_IDS.length)
  @IsIn(NEWSLETTER_TOPIC_IDS, { each: true })
  topics?: NewsletterTopic[];
}

export class SubscribeAcceptedDto {
  @ApiProperty({
    example: 'confirmation_sent',
    description:
      'Always the same answer, whether or not the address was known: the emailed link ' +
      'confirms. (A confirmed or suppressed address gets no email.)',
  })
  status!: 'confirmation_sent';
}

export class ConfirmSubscriptionDto {
  @ApiProperty({ description: 'The `token` of the emailed confirmation link.', example: 'q3K…' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  token!: string;
}

export class NewsletterSubscriptionDto {
  @ApiProperty({ example: 'reader@example.com' })
  email!: string;

  @ApiProperty({ enum: ['confirmed'], example: 'confirmed' })
  status!: 'confirmed';

  @ApiProperty({ enum: NEWSLETTER_TOPIC_IDS, isArray: true, example: ['career-tips'] })
  topics!: NewsletterTopic[];
}

export class NewsletterTopicDto {
  @ApiProperty({ enum: NEWSLETTER_TOPIC_IDS, example: 'career-tips' })
  id!: NewsletterTopic;

  @ApiProperty({ example: 'Career tips' })
  name!: string;

  @ApiProperty({ example: 'CV, cover letter and interview advice.' })
  description!: string;
}

export class NewsletterTopicListDto {
  @ApiProperty({ type: [NewsletterTopicDto] })
  items!: NewsletterTopicDto[];
}
