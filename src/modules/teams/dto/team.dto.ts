import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TEAM_ROLES, type TeamRole } from '../entities/team-member.entity';
import type { Team } from '../entities/team.entity';

export class CreateTeamDto {
  @ApiProperty({ example: 'ACME Recruiting', minLength: 1, maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class UpdateTeamDto extends CreateTeamDto {}

export class TeamDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ example: 'ACME Recruiting' })
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The member with the owner role.' })
  ownerId!: string;

  @ApiProperty({ enum: TEAM_ROLES, example: 'owner', description: 'The caller’s role.' })
  role!: TeamRole;

  @ApiProperty({
    example: false,
    description:
      'True when the caller is over the seat limit since a downgrade: read-only until seats return.',
  })
  frozen!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(team: Team, role: TeamRole, frozen: boolean): TeamDto {
    return {
      id: team.id,
      name: team.name,
      ownerId: team.ownerId,
      role,
      frozen,
      createdAt: team.createdAt.toISOString(),
    };
  }
}

export class TeamDetailDto extends TeamDto {
  @ApiProperty({
    example: 5,
    description: 'Seats of the owner’s plan (members + pending invitations fit in them).',
  })
  seats!: number;

  @ApiProperty({ example: 3, description: 'Members plus pending invitations.' })
  seatsTaken!: number;
}

export class TeamPageDto {
  @ApiProperty({ type: [TeamDto] })
  items!: TeamDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class ChangeSeatsDto {
  @ApiProperty({
    minimum: 1,
    maximum: 1000,
    example: 5,
    description: 'Seats of the team plan: the quantity of the owner’s Premium subscription.',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  seats!: number;
}
