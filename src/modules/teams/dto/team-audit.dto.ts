import { ApiProperty } from '@nestjs/swagger';

export class TeamAuditActorDto {
  @ApiProperty({ enum: ['user', 'system', 'api-key'] })
  type!: 'user' | 'system' | 'api-key';

  @ApiProperty({ example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;
}

export class TeamAuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'teams.member_joined' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: TeamAuditActorDto, nullable: true })
  actor!: TeamAuditActorDto | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { userId: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f', role: 'member' },
    description: 'What happened (personal fields of erased people read as removed).',
  })
  data!: Record<string, unknown>;
}

export class TeamAuditPageDto {
  @ApiProperty({ type: [TeamAuditEntryDto] })
  items!: TeamAuditEntryDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}
