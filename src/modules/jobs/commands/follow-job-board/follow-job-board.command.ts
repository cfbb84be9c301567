import { Command } from '@nestjs/cqrs';
import type { CompanyBoardSourceName } from '@lib/providers';
import type { JobBoardDto } from '../../dto/job-board.dto';

/** An admin follows a company board once it answers a probe. */
export class FollowJobBoardCommand extends Command<JobBoardDto> {
  constructor(
    readonly adminId: string,
    readonly source: CompanyBoardSourceName,
    readonly token: string,
  ) {
    super();
  }
}
