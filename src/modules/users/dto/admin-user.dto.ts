import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, TIERS, type Role, type Tier } from '@lib/authz';
import type { User } from '../../identity';
import { CursorQueryDto } from '../../../common/pagination';

export class ListUsersQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the email or the name',
    example: 'ada',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** Every field is optional; unknown fields are refused (400). */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: TIERS, description: 'Change the plan (no billing involved)' })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ enum: ROLES, description: 'Admins cannot demote themselves (409)' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    description:
      'true: refuse sign-in from now until an admin unlocks or LOGIN_LOCK_SECONDS pass ' +
      '(sessions already open go on; use disabled to end them). ' +
      'false: unlock and reset the failed sign-in count. Admins cannot lock themselves (409).',
  })
  @IsOptional()
  @IsBoolean()
  locked?: boolean;

  @ApiPropertyOptional({
    description:
      'true: refuse sign-in and end every session (access tokens stop working at once). ' +
      'false: allow sign-in again. Admins cannot disable themselves (409).',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'ada@example.com' })
  email!: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  @ApiProperty({ enum: TIERS })
  tier!: Tier;
  @ApiProperty({ example: false, description: 'Sign-in is refused until lockedUntil' })
  locked!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lockedUntil!: string | null;
  @ApiProperty({ example: 0, description: 'Failed sign-ins in a row since the last success' })
  failedLogins!: number;
  @ApiProperty({ example: false })
  disabled!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  disabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(user: User, now = new Date()): AdminUserDto {
    const locked = user.isLocked(now);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      tier: user.tier,
      locked,
      lockedUntil: locked ? user.lockedUntil!.toISOString() : null,
      failedLogins: user.failedLogins,
      disabled: !!user.disabledAt,
      disabledAt: user.disabledAt?.toISOString() ?? null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserDto] })
  items!: AdminUserDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}
