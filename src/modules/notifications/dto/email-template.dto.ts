import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EMAIL_LANGUAGES, type EmailLanguage } from '../../mail';

export class EmailTemplateSummaryDto {
  @ApiProperty({ example: 'password-reset' })
  id!: string;

  @ApiProperty({ example: 'Reset link after "forgot password".' })
  description!: string;

  @ApiProperty({
    example: false,
    description: 'Bulk or digest mail: carries one-click unsubscribe',
  })
  bulk!: boolean;

  @ApiProperty({ enum: EMAIL_LANGUAGES, isArray: true, example: ['en', 'de', 'es', 'fr'] })
  languages!: EmailLanguage[];
}

export class EmailTemplateListDto {
  @ApiProperty({ type: [EmailTemplateSummaryDto] })
  items!: EmailTemplateSummaryDto[];
}

export class PreviewTemplateQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(EMAIL_LANGUAGES)
  lang: EmailLanguage = 'en';
}

export class EmailPreviewDto {
  @ApiProperty({ example: 'password-reset' })
  template!: string;

  @ApiProperty({
    enum: EMAIL_LANGUAGES,
    example: 'de',
    description: 'The language rendered (en when the template lacks the one asked for)',
  })
  language!: EmailLanguage;

  @ApiProperty({ example: 'Reset your password' })
  subject!: string;

  @ApiProperty({ example: '<!doctype html><html lang="en">…' })
  html!: string;

  @ApiProperty({ example: 'Hi Ada,\n\nSomeone asked to reset…' })
  text!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: {},
    description: 'Headers the message carries (List-Unsubscribe on bulk mail)',
  })
  headers!: Record<string, string>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The sample data rendered',
  })
  sample!: Record<string, unknown>;
}
