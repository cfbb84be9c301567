import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsIP, IsOptional, Matches, Max, Min } from 'class-validator';
import { CursorQueryDto } from '../../../common/pagination';

export class SecurityEventsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ example: 'security.login_failed', description: 'One security event type' })
  @IsOptional()
  @Matches(/^security\.[a-z_]+$/, { message: 'type must be a security event type (security.…)' })
  type?: string;

  @ApiPropertyOptional({ example: '203.0.113.7', description: 'Client IP the event came from' })
  @IsOptional()
  @IsIP()
  ip?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class SecuritySummaryQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 168,
    default: 24,
    description: 'How many hours back',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(168)
  hours: number = 24;
}

class HourlyCountDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:00:00.000Z' })
  hour!: string;
  @ApiProperty({ example: 'security.login_failed' })
  type!: string;
  @ApiProperty({ example: 12 })
  count!: number;
}

class IpCountDto {
  @ApiProperty({ example: '203.0.113.7' })
  ip!: string;
  @ApiProperty({ example: 40 })
  count!: number;
}

export class SecuritySummaryDto {
  @ApiProperty({ format: 'date-time' })
  since!: string;
  @ApiProperty({ type: [HourlyCountDto], description: 'Security events per type per hour' })
  perHour!: HourlyCountDto[];
  @ApiProperty({ type: [IpCountDto], description: 'The IPs behind most security events' })
  topIps!: IpCountDto[];
}
