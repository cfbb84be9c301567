import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const LEGACY =
  'Legacy switch, kept readable: it was copied once into GET/PUT /v1/me/notification-preferences ' +
  '(which decides what is sent) and is no longer read. Use those instead.';

export class PreferencesDto {
  @ApiPropertyOptional({
    example: true,
    deprecated: true,
    description: LEGACY,
  })
  @IsOptional()
  @IsBoolean()
  emailNotifications?: boolean;

  @ApiPropertyOptional({
    example: true,
    deprecated: true,
    description: LEGACY,
  })
  @IsOptional()
  @IsBoolean()
  jobAlerts?: boolean;

  @ApiPropertyOptional({
    example: false,
    deprecated: true,
    description: LEGACY,
  })
  @IsOptional()
  @IsBoolean()
  newsletter?: boolean;

  @ApiPropertyOptional({ enum: ['light', 'dark', 'system'] })
  @IsOptional()
  @IsIn(['light', 'dark', 'system'])
  theme?: 'light' | 'dark' | 'system';

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47 language tag' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'language must be a BCP 47 tag like en or pt-BR',
  })
  language?: string;
}

const httpsUrl = { protocols: ['https'], require_protocol: true };

export class SocialLinksDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://www.linkedin.com/in/ada' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUrl(httpsUrl)
  @MaxLength(300)
  linkedin?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://x.com/ada' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUrl(httpsUrl)
  @MaxLength(300)
  twitter?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://ada.dev' })
  @ValidateIf((_, v) => v !== null)
  @IsOptional()
  @IsUrl(httpsUrl)
  @MaxLength(300)
  website?: string | null;
}
