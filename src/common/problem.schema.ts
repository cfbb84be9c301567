import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: '$.email' })
  path!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** RFC 9457 problem document as documented in openapi.json. */
export class ProblemDto {
  @ApiProperty({ example: 'https://career-tools.dev/problems/validation.failed' })
  type!: string;

  @ApiProperty({ example: 'Bad request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: '1 field(s) failed validation' })
  detail?: string;

  @ApiPropertyOptional({ example: '/v1/auth/login' })
  instance?: string;

  @ApiProperty({ example: 'validation.failed', description: 'Stable machine-readable code.' })
  code!: string;

  @ApiPropertyOptional({ example: '0b0e6f2c-4c8f-4a53-9c55-0f1c2b3c4d5e' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    example: 30,
    description: 'Seconds to wait before trying again (429, 503); also sent as `Retry-After`.',
  })
  retryAfter?: number;
}
