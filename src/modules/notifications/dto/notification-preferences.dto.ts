import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { DigestFrequency } from '../entities/notification-preferences.entity';
import {
  DEFAULT_CHANNELS,
  isTimeZone,
  type ResolvedPreferences,
} from '../notification-preferences';
import { CATEGORIES } from '../notification-types';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DIGESTS: DigestFrequency[] = ['instant', 'daily', 'weekly', 'off'];

@ValidatorConstraint({ name: 'isTimeZone' })
class IsTimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isTimeZone(value);
  }
  defaultMessage(): string {
    return 'timezone must be an IANA time zone like Europe/Berlin';
  }
}

export class ChannelChoicesDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  inApp!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  push!: boolean;
}

export class ChannelChoicesPatchDto {
  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  push?: boolean;
}

const CATEGORY_DESCRIPTIONS: Record<(typeof CATEGORIES)[number], string> = {
  security: 'Sign-ins, password and 2FA changes (critical ones are always sent)',
  account: 'Account notices',
  billing: 'Subscriptions and receipts (a failed payment is always sent)',
  jobAlerts: 'Job alerts and new matches',
  social: 'Social publishing',
  teams: 'Team invitations and activity',
  product: 'Product updates and tips',
  newsletter: 'The newsletter',
};

/** One property per category. */
export class ChannelMatrixDto {
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.security })
  security!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.account })
  account!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.billing })
  billing!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.jobAlerts })
  jobAlerts!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.social })
  social!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.teams })
  teams!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.product })
  product!: ChannelChoicesDto;
  @ApiProperty({ type: ChannelChoicesDto, description: CATEGORY_DESCRIPTIONS.newsletter })
  newsletter!: ChannelChoicesDto;
}

export class ChannelMatrixPatchDto {
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  security?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  account?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  billing?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  jobAlerts?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  social?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  teams?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  product?: ChannelChoicesPatchDto;
  @ApiPropertyOptional({ type: ChannelChoicesPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoicesPatchDto)
  newsletter?: ChannelChoicesPatchDto;
}

export class QuietHoursDto {
  @ApiProperty({ example: '22:00', description: 'HH:MM in `timezone`' })
  @IsString()
  @Matches(HHMM, { message: 'start must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '07:00', description: 'HH:MM; earlier than start spans midnight' })
  @IsString()
  @Matches(HHMM, { message: 'end must be HH:MM' })
  end!: string;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: ChannelMatrixDto, description: 'Category × channel: whether to send' })
  channels!: ChannelMatrixDto;

  @ApiProperty({ type: ChannelMatrixDto, description: 'The defaults, for a "reset" button' })
  defaults!: ChannelMatrixDto;

  @ApiProperty({
    type: QuietHoursDto,
    nullable: true,
    description: 'No push during these hours (critical notifications excepted)',
  })
  quietHours!: QuietHoursDto | null;

  @ApiProperty({
    example: 'Europe/Berlin',
    description: 'IANA time zone of quiet hours and digests',
  })
  timezone!: string;

  @ApiProperty({ enum: DIGESTS, example: 'daily', description: 'How often job-alert emails come' })
  jobAlertDigest!: DigestFrequency;

  static from(preferences: ResolvedPreferences): NotificationPreferencesDto {
    return {
      channels: preferences.channels,
      defaults: DEFAULT_CHANNELS,
      quietHours: preferences.quietHours,
      timezone: preferences.timezone,
      jobAlertDigest: preferences.jobAlertDigest,
    };
  }
}

/** PUT body: every field optional; what is left out keeps its current value. */
export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({
    type: ChannelMatrixPatchDto,
    example: { newsletter: { email: true }, social: { push: false } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelMatrixPatchDto)
  channels?: ChannelMatrixPatchDto;

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'null turns them off' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Validate(IsTimeZoneConstraint)
  timezone?: string;

  @ApiPropertyOptional({ enum: DIGESTS, example: 'weekly' })
  @IsOptional()
  @IsIn(DIGESTS)
  jobAlertDigest?: DigestFrequency;
}
