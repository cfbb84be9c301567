import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { COMPANY_BOARD_SOURCES, type CompanyBoardSourceName } from '@lib/providers';
import type { JobBoard } from '../entities/job-board.entity';

/** Board tokens are path segments on the boards' APIs. */
export const BOARD_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class FollowJobBoardDto {
  @ApiProperty({ enum: COMPANY_BOARD_SOURCES, example: 'greenhouse' })
  @IsIn(COMPANY_BOARD_SOURCES)
  source!: CompanyBoardSourceName;

  @ApiProperty({
    example: 'airbnb',
    pattern: BOARD_TOKEN.source,
    description: 'Greenhouse board token, Lever site name or Ashby job board name.',
  })
  @Matches(BOARD_TOKEN)
  token!: string;
}

export class JobBoardDto {
  @ApiProperty({ enum: COMPANY_BOARD_SOURCES, example: 'greenhouse' })
  source!: string;

  @ApiProperty({ example: 'airbnb' })
  token!: string;

  @ApiProperty({
    enum: ['env', 'admin'],
    example: 'admin',
    description: '`env`: from GREENHOUSE_BOARDS / LEVER_SITES / ASHBY_BOARDS; `admin`: added here.',
  })
  origin!: 'env' | 'admin';

  @ApiProperty({
    example: true,
    description: 'Whether the source runs here (named in JOB_SOURCES); boards of others wait.',
  })
  sourceActive!: boolean;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 42,
    description: 'Postings the board listed when an admin added it.',
  })
  postingsAtProbe!: number | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  addedAt!: string | null;

  static ofEnv(source: string, token: string, sourceActive: boolean): JobBoardDto {
    return { source, token, origin: 'env', sourceActive, postingsAtProbe: null, addedAt: null };
  }

  static ofStored(board: JobBoard, sourceActive: boolean): JobBoardDto {
    return {
      source: board.source,
      token: board.token,
      origin: 'admin',
      sourceActive,
      postingsAtProbe: board.postingsAtProbe,
      addedAt: board.createdAt.toISOString(),
    };
  }
}

export class JobBoardListDto {
  @ApiProperty({ type: [JobBoardDto] })
  items!: JobBoardDto[];
}
