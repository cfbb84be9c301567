import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from '../entities/team-member.entity';

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Grace Hopper' })
  name!: string;

  @ApiProperty({ example: 'grace@example.com' })
  email!: string;

  @ApiProperty({ enum: TEAM_ROLES, example: 'member' })
  role!: TeamRole;

  @ApiProperty({
    example: false,
    description: 'Over the seat limit (the latest to join after a downgrade): read-only.',
  })
  frozen!: boolean;

  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;
}

export class TeamMemberListDto {
  @ApiProperty({ type: [TeamMemberDto] })
  items!: TeamMemberDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The next page’s `cursor`; null on the last.',
  })
  nextCursor!: string | null;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: ['admin', 'member'], example: 'admin' })
  @IsIn(['admin', 'member'])
  role!: Exclude<TeamRole, 'owner'>;
}

export class TransferOwnershipDto {
  @ApiProperty({ format: 'uuid', description: 'A member of the team; they become the owner.' })
  @IsUUID()
  userId!: string;
}
