import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class AnalyticsConsentDto {
  @ApiProperty({
    example: true,
    description: 'The visitor agreed to analytics; false = nothing is stored or forwarded',
  })
  @IsBoolean()
  analytics!: boolean;
}

export class ClientEventDto {
  @ApiProperty({
    example: 'page_viewed',
    maxLength: 40,
    description: 'A name of the client catalogue (GA4 rules: letters, digits, _; not reserved)',
  })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { page_path: '/pricing', page_title: 'Pricing' },
    description: 'At most 25; names as GA4 allows, string values at most 100 characters',
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, string | number | boolean>;
}

export class RecordClientEventsDto {
  @ApiPropertyOptional({
    example: '1234567890.1733212800',
    description:
      'The browser’s GA client id; required when not signed in (a signed-in caller defaults to its user id)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'clientId must be 1 to 100 of A-Z a-z 0-9 . _ -' })
  clientId?: string;

  @ApiProperty({ type: AnalyticsConsentDto })
  @ValidateNested()
  @Type(() => AnalyticsConsentDto)
  consent!: AnalyticsConsentDto;

  @ApiProperty({ type: [ClientEventDto], minItems: 1, maxItems: 25 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(25)
  @ValidateNested({ each: true })
  @Type(() => ClientEventDto)
  events!: ClientEventDto[];
}

export class ClientEventsAcceptedDto {
  @ApiProperty({ example: 2, description: 'Events stored (0 without analytics consent)' })
  stored!: number;
}
