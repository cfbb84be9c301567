import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { InvitationStatus, TeamInvitation } from '../entities/team-invitation.entity';
import type { TeamRole } from '../entities/team-member.entity';

export class InviteMemberDto {
  @ApiProperty({ example: 'grace@example.com', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ['admin', 'member'], default: 'member', required: false })
  @IsOptional()
  @IsIn(['admin', 'member'])
  role?: Exclude<TeamRole, 'owner'>;
}

export class TeamInvitationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'grace@example.com' })
  email!: string;

  @ApiProperty({ enum: ['admin', 'member'], example: 'member' })
  role!: Exclude<TeamRole, 'owner'>;

  @ApiProperty({
    enum: ['pending', 'accepted', 'declined', 'revoked', 'expired'],
    example: 'pending',
  })
  status!: InvitationStatus | 'expired';

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(invitation: TeamInvitation, now = new Date()): TeamInvitationDto {
    const expired = invitation.status === 'pending' && invitation.expiresAt <= now;
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: expired ? 'expired' : invitation.status,
      expiresAt: invitation.expiresAt.toISOString(),
      createdAt: invitation.createdAt.toISOString(),
    };
  }
}

export class TeamInvitationPageDto {
  @ApiProperty({ type: [TeamInvitationDto] })
  items!: TeamInvitationDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class InvitationTokenDto {
  @ApiProperty({
    description: 'The token of the emailed link (`/teams/join?token=…`).',
    example: 'ti_3q2-7wLk0cQ1m8sVqk3xN5yR0bH4tZ9eJ6uP2aF1dGc',
    maxLength: 200,
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^ti_[A-Za-z0-9_-]+$/)
  token!: string;
}
